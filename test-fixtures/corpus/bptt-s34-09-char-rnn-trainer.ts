// expect: bptt-cut
// Trains a character-level RNN on service log lines streamed from disk, reporting loss every few hundred batches.
import * as tf from '@tensorflow/tfjs';
import { createReadStream } from 'fs';
import { createInterface } from 'readline';

const SEQ = 40;
const BATCH = 16;
const HIDDEN = 128;
const VOCAB = 96; // printable ASCII 32..127

const glorot = tf.initializers.glorotNormal({ seed: 3 });
const Wx = tf.variable(glorot.apply([VOCAB, HIDDEN]) as tf.Tensor2D, true, 'Wx');
const Wh = tf.variable(glorot.apply([HIDDEN, HIDDEN]) as tf.Tensor2D, true, 'Wh');
const bh = tf.variable(tf.zeros([HIDDEN]), true, 'bh');
const Wy = tf.variable(glorot.apply([HIDDEN, VOCAB]) as tf.Tensor2D, true, 'Wy');
const by = tf.variable(tf.zeros([VOCAB]), true, 'by');

const optimizer = tf.train.adam(2e-3);

function encode(ch: string): number {
  const c = ch.charCodeAt(0) - 32;
  return c >= 0 && c < VOCAB ? c : 0;
}

async function* batches(path: string): AsyncGenerator<number[][]> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let pending: number[][] = [];
  for await (const line of rl) {
    if (line.length < SEQ + 1) continue;
    const start = Math.floor(Math.random() * (line.length - SEQ));
    pending.push(Array.from(line.slice(start, start + SEQ + 1), encode));
    if (pending.length === BATCH) {
      yield pending;
      pending = [];
    }
  }
}

function trainStep(seqs: number[][]): number {
  const ids = tf.tensor2d(seqs, [BATCH, SEQ + 1], 'int32');
  const cost = optimizer.minimize(() => {
    let h = tf.zeros([BATCH, HIDDEN]) as tf.Tensor2D;
    let total = tf.scalar(0);
    for (let t = 0; t < SEQ; t++) {
      const x = tf.oneHot(ids.slice([0, t], [BATCH, 1]).reshape([BATCH]), VOCAB).toFloat();
      const target = tf.oneHot(ids.slice([0, t + 1], [BATCH, 1]).reshape([BATCH]), VOCAB);
      const hNext = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh)) as tf.Tensor2D;
      const vals = hNext.dataSync();
      if (vals.some(Number.isNaN)) throw new Error(`NaN in hidden state at t=${t}`);
      h = tf.tensor2d(vals, [BATCH, HIDDEN]);
      const logits = hNext.matMul(Wy).add(by);
      total = total.add(tf.losses.softmaxCrossEntropy(target, logits));
    }
    return total.div(SEQ) as tf.Scalar;
  }, true);
  ids.dispose();
  const value = cost!.dataSync()[0];
  cost!.dispose();
  return value;
}

export async function train(path: string, epochs = 3): Promise<void> {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let n = 0;
    let running = 0;
    for await (const seqs of batches(path)) {
      running += trainStep(seqs);
      n++;
      if (n % 200 === 0) {
        console.log(`epoch ${epoch} batch ${n} loss ${(running / 200).toFixed(4)}`);
        running = 0;
        await new Promise((r) => setImmediate(r));
      }
    }
    console.log(`epoch ${epoch} finished after ${n} batches, tensors=${tf.memory().numTensors}`);
  }
}

if (require.main === module) {
  train(process.argv[2] ?? './logs/app.log').catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
