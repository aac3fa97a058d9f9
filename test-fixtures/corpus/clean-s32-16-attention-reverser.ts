// expect: none
// Seq2seq with dot-product attention that learns to reverse short digit strings; teacher forcing, greedy decoding.
import * as tf from '@tensorflow/tfjs';

const DIGITS = 6;
const VOCAB = DIGITS + 1; // last id is <go>
const GO = DIGITS;
const LEN = 5;
const U = 32;

const p = (shape: number[], name: string) => tf.variable(tf.randomNormal(shape, 0, 0.2), true, name);
const emb = p([VOCAB, 12], 'emb');
const encWx = p([12, U], 'encWx');
const encWh = p([U, U], 'encWh');
const decWx = p([12 + U, U], 'decWx');
const decWh = p([U, U], 'decWh');
const outW = p([2 * U, DIGITS], 'outW');
const outB = tf.variable(tf.zeros([DIGITS]), true, 'outB');

function embed(ids: tf.Tensor1D): tf.Tensor2D {
  return tf.gather(emb, ids.toInt()) as tf.Tensor2D;
}

export function encode(src: tf.Tensor2D): { memory: tf.Tensor3D; h: tf.Tensor2D } {
  const batch = src.shape[0];
  let h: tf.Tensor2D = tf.zeros([batch, U]);
  const outs: tf.Tensor2D[] = [];
  for (let t = 0; t < LEN; t++) {
    const x = embed(src.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D);
    h = tf.tanh(x.matMul(encWx).add(h.matMul(encWh))) as tf.Tensor2D;
    outs.push(h);
  }
  return { memory: tf.stack(outs, 1) as tf.Tensor3D, h };
}

function attend(memory: tf.Tensor3D, h: tf.Tensor2D): tf.Tensor2D {
  const scores = tf.matMul(memory, h.expandDims(2)).squeeze([2]); // [B, LEN]
  const weights = tf.softmax(scores);
  return tf.matMul(weights.expandDims(1), memory).squeeze([1]) as tf.Tensor2D;
}

function decodeStep(prev: tf.Tensor1D, h: tf.Tensor2D, context: tf.Tensor2D, memory: tf.Tensor3D) {
  const x = tf.concat([embed(prev), context], 1);
  const hNext = tf.tanh(x.matMul(decWx).add(h.matMul(decWh))) as tf.Tensor2D;
  const ctxNext = attend(memory, hNext);
  const logits = tf.concat([hNext, ctxNext], 1).matMul(outW).add(outB) as tf.Tensor2D;
  return { logits, h: hNext, context: ctxNext };
}

export function teacherForcedLogits(src: tf.Tensor2D, tgt: tf.Tensor2D): tf.Tensor3D {
  const batch = src.shape[0];
  const { memory, h: hEnc } = encode(src);
  let h = hEnc;
  let context = attend(memory, h);
  let prev = tf.fill([batch], GO, 'int32') as tf.Tensor1D;
  const all: tf.Tensor2D[] = [];
  for (let t = 0; t < LEN; t++) {
    const out = decodeStep(prev, h, context, memory);
    all.push(out.logits);
    h = out.h;
    context = out.context;
    prev = tgt.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D;
  }
  return tf.stack(all, 1) as tf.Tensor3D;
}

export function greedy(digits: number[]): number[] {
  return tf.tidy(() => {
    const { memory, h: hEnc } = encode(tf.tensor2d([digits]));
    let h = hEnc;
    let context = attend(memory, h);
    let prev = tf.tensor1d([GO], 'int32');
    const result: number[] = [];
    for (let t = 0; t < LEN; t++) {
      const out = decodeStep(prev, h, context, memory);
      const id = out.logits.argMax(1).dataSync()[0];
      result.push(id);
      ({ h, context } = out);
      prev = tf.tensor1d([id], 'int32');
    }
    return result;
  });
}

function* pairs() {
  for (;;) {
    const src = Array.from({ length: LEN }, () => Math.floor(Math.random() * DIGITS));
    yield { src, tgt: [...src].reverse() };
  }
}

async function main(): Promise<void> {
  const optimizer = tf.train.adam(0.01);
  const ds = tf.data.generator(pairs).batch(64).take(40);
  for (let epoch = 1; epoch <= 6; epoch++) {
    let sum = 0;
    let n = 0;
    await ds.forEachAsync((b) => {
      const { src, tgt } = b as { src: tf.Tensor2D; tgt: tf.Tensor2D };
      const loss = optimizer.minimize(() => {
        const labels = tf.oneHot(tgt.toInt(), DIGITS);
        return tf.losses.softmaxCrossEntropy(labels, teacherForcedLogits(src, tgt)) as tf.Scalar;
      }, true)!;
      sum += loss.dataSync()[0];
      n++;
      tf.dispose([loss, src, tgt]);
    });
    console.log(`epoch ${epoch}: loss ${(sum / n).toFixed(4)}`);
  }
  const probe = [1, 2, 3, 4, 5];
  console.log(`${probe.join('')} -> ${greedy(probe).join('')}`);
}

main();
