// expect: none
// Streaming LSTM filter behind a request handler: each client session keeps its own (h, c) between chunked requests.
import * as tf from '@tensorflow/tfjs';

const n = 8;
const W = tf.randomNormal([1 + n, 4 * n], 0, 0.4, 'float32', 77);
const b = tf.concat([tf.zeros([n]), tf.ones([n]), tf.zeros([2 * n])]);
const v = tf.randomNormal([n, 1], 0, 0.5, 'float32', 78);

const sessions = new Map(); // id -> { h, c }

function step(x, h, c) {
  const z = tf.matMul(tf.concat([x, h], 1), W).add(b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cn = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  return [tf.sigmoid(o).mul(tf.tanh(cn)), cn];
}

function stateFor(id) {
  if (!sessions.has(id)) sessions.set(id, { h: tf.zeros([1, n]), c: tf.zeros([1, n]) });
  return sessions.get(id);
}

export async function handle({ id, xs, end = false }) {
  const prev = stateFor(id);
  const outs = [];
  const next = tf.tidy(() => {
    let { h, c } = prev;
    for (const x of xs) {
      [h, c] = step(tf.tensor2d([[x]]), h, c);
      outs.push(tf.keep(tf.matMul(h, v)));
    }
    return { h, c };
  });
  tf.dispose([prev.h, prev.c]);
  if (end) {
    tf.dispose([next.h, next.c]);
    sessions.delete(id);
  } else {
    sessions.set(id, next);
  }
  const ys = [];
  for (const t of outs) ys.push((await t.data())[0]);
  tf.dispose(outs);
  return { id, ys };
}

// replay: two clients interleaved, then the same signals in one shot for comparison
const sigA = Array.from({ length: 30 }, (_, t) => Math.sin(0.4 * t));
const sigB = Array.from({ length: 30 }, (_, t) => (t % 7) / 7 - 0.5);

async function main() {
  const got = { a: [], b: [] };
  for (let k = 0; k < 30; k += 10) {
    const last = k + 10 >= 30;
    got.a.push(...(await handle({ id: 'a', xs: sigA.slice(k, k + 10), end: last })).ys);
    got.b.push(...(await handle({ id: 'b', xs: sigB.slice(k, k + 10), end: last })).ys);
  }
  const oneA = (await handle({ id: 'a2', xs: sigA, end: true })).ys;
  const oneB = (await handle({ id: 'b2', xs: sigB, end: true })).ys;
  const gap = Math.max(...got.a.map((y, i) => Math.abs(y - oneA[i])), ...got.b.map((y, i) => Math.abs(y - oneB[i])));
  console.log('chunked vs one-shot max |dy| =', gap.toExponential(2));
  console.log('open sessions', sessions.size, ' live tensors', tf.memory().numTensors);
}

main();
