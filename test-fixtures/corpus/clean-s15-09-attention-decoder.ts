// expect: none
// Request handler for a toy command normaliser: encodes token ids with an RNN, decodes greedily with attention.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 20;
const EMB = 8;
const UNITS = 8;
const MAX_LEN = 10;
const PAD = 0;
const BOS = 1;
const EOS = 2;

const rnd = (shape: [number, number], seed: number) => tf.randomNormal(shape, 0, 0.4, 'float32', seed) as tf.Tensor2D;
const P = {
  emb: rnd([VOCAB, EMB], 51),
  encX: rnd([EMB, UNITS], 52),
  encH: rnd([UNITS, UNITS], 53),
  decX: rnd([EMB, UNITS], 54),
  decS: rnd([UNITS, UNITS], 55),
  decC: rnd([UNITS, UNITS], 56),
  out: rnd([UNITS, VOCAB], 57),
};

function encode(ids: number[]): { memory: tf.Tensor2D; mask: tf.Tensor2D; last: tf.Tensor2D } {
  return tf.tidy(() => {
    let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
    const states: tf.Tensor2D[] = [];
    for (const id of ids) {
      const x = P.emb.gather([id]);
      const next = tf.tanh(x.matMul(P.encX).add(h.matMul(P.encH))) as tf.Tensor2D;
      // keep the previous state across padding positions
      h = id === PAD ? h : next;
      states.push(h);
    }
    const memory = tf.concat(states, 0);
    const mask = tf.tensor2d([ids.map((id) => (id === PAD ? 0 : 1))]);
    return { memory, mask, last: h };
  });
}

function attend(s: tf.Tensor2D, memory: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const scores = s.matMul(memory, false, true);
  const masked = tf.where(mask.cast('bool'), scores, tf.fill(scores.shape, -1e9));
  const weights = tf.softmax(masked);
  return weights.matMul(memory) as tf.Tensor2D;
}

function decodeStep(prev: number, s: tf.Tensor2D, memory: tf.Tensor2D, mask: tf.Tensor2D) {
  return tf.tidy(() => {
    const ctx = attend(s, memory, mask);
    const x = P.emb.gather([prev]);
    const sNext = tf.tanh(x.matMul(P.decX).add(s.matMul(P.decS)).add(ctx.matMul(P.decC))) as tf.Tensor2D;
    const token = sNext.matMul(P.out).argMax(1).dataSync()[0];
    return { token, s: sNext };
  });
}

export function handleNormalise(req: { body: { ids: number[] } }): { status: number; ids?: number[]; error?: string } {
  const ids = req.body.ids;
  if (!Array.isArray(ids) || ids.some((i) => !Number.isInteger(i) || i < 0 || i >= VOCAB)) {
    return { status: 400, error: 'ids must be token ids in vocabulary range' };
  }
  const { memory, mask, last } = encode(ids);
  const out: number[] = [];
  let s = last;
  let prev = BOS;
  while (out.length < MAX_LEN) {
    const step = decodeStep(prev, s, memory, mask);
    s.dispose();
    s = step.s;
    if (step.token === EOS) break;
    out.push(step.token);
    prev = step.token;
  }
  tf.dispose([s, memory, mask]);
  return { status: 200, ids: out };
}

if (require.main === module) {
  console.log(handleNormalise({ body: { ids: [5, 9, 3, 7, PAD, PAD] } }));
  console.log(handleNormalise({ body: { ids: [4, 4, 12] } }));
  console.log(handleNormalise({ body: { ids: [99] } }));
  console.log('tensors alive:', tf.memory().numTensors);
}
