// expect: stacked-activation
// Training script for a multi-label support-ticket tagger: a custom RNN over token ids read from a JSONL export.
import * as tf from '@tensorflow/tfjs';
import * as fs from 'fs';
import * as readline from 'readline';

const VOCAB = 8000;
const EMB = 48;
const HID = 96;
const TAGS = 12;
const MAXLEN = 60;
const BATCH = 32;

interface Example { tokens: number[]; tags: number[] }

const init = tf.initializers.glorotUniform({});
const params = {
  emb: tf.variable(init.apply([VOCAB, EMB]) as tf.Tensor2D),
  Wx: tf.variable(init.apply([EMB, HID]) as tf.Tensor2D),
  Wh: tf.variable(tf.initializers.orthogonal({}).apply([HID, HID]) as tf.Tensor2D),
  bh: tf.variable(tf.zeros([HID]) as tf.Tensor1D),
  Wo: tf.variable(init.apply([HID, TAGS]) as tf.Tensor2D),
  bo: tf.variable(tf.zeros([TAGS]) as tf.Tensor1D),
};
const optimizer = tf.train.rmsprop(1e-3);

async function* readBatches(file: string): AsyncGenerator<Example[]> {
  const rl = readline.createInterface({ input: fs.createReadStream(file) });
  let buf: Example[] = [];
  for await (const line of rl) {
    const ex = JSON.parse(line) as Example;
    buf.push({ tokens: ex.tokens.slice(0, MAXLEN), tags: ex.tags });
    if (buf.length === BATCH) { yield buf; buf = []; }
  }
  if (buf.length) yield buf;
}

function toTensors(batch: Example[]) {
  const ids = batch.map((e) => [...e.tokens, ...new Array(MAXLEN - e.tokens.length).fill(0)]);
  const mask = batch.map((e) => Array.from({ length: MAXLEN }, (_, t) => (t < e.tokens.length ? 1 : 0)));
  const labels = batch.map((e) => Array.from({ length: TAGS }, (_, k) => (e.tags.includes(k) ? 1 : 0)));
  return {
    ids: tf.tensor2d(ids, [batch.length, MAXLEN], 'int32'),
    mask: tf.tensor2d(mask, [batch.length, MAXLEN]),
    labels: tf.tensor2d(labels, [batch.length, TAGS]),
  };
}

function forward(ids: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const n = ids.shape[0];
  let h = tf.zeros([n, HID]) as tf.Tensor2D;
  for (let t = 0; t < MAXLEN; t++) {
    const x = tf.gather(params.emb, ids.slice([0, t], [n, 1]).reshape([n]));
    const m = mask.slice([0, t], [n, 1]);
    const cand = tf.tanh(x.matMul(params.Wx).add(h.matMul(params.Wh)).add(params.bh));
    h = m.mul(cand).add(tf.scalar(1).sub(m).mul(h)) as tf.Tensor2D;
  }
  return tf.sigmoid(h.matMul(params.Wo).add(params.bo)) as tf.Tensor2D;
}

export async function train(file: string, epochs = 5): Promise<void> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let step = 0;
    let sum = 0;
    for await (const batch of readBatches(file)) {
      const { ids, mask, labels } = toTensors(batch);
      const loss = optimizer.minimize(() => {
        const probs = forward(ids, mask);
        return tf.losses.sigmoidCrossEntropy(labels, probs) as tf.Scalar;
      }, true)!;
      sum += (await loss.data())[0];
      tf.dispose([ids, mask, labels, loss]);
      if (++step % 100 === 0) {
        console.log(`epoch ${epoch} step ${step} loss ${(sum / 100).toFixed(4)}`);
        sum = 0;
      }
    }
  }
}

export function predictTags(tokens: number[], threshold = 0.5): number[] {
  return tf.tidy(() => {
    const { ids, mask } = toTensors([{ tokens: tokens.slice(0, MAXLEN), tags: [] }]);
    const probs = forward(ids, mask).dataSync();
    return Array.from(probs).flatMap((p, k) => (p >= threshold ? [k] : []));
  });
}
