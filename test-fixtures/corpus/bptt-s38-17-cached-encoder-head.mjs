// expect: bptt-cut
// Fine-tunes a GRU ticket classifier, memoising each ticket's encoding in a bounded cache between epochs.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';

const HIDDEN = 48;
const EMBED = 24;
const CACHE_LIMIT = 4096;

const enc = {
  embed: tf.variable(tf.randomNormal([5000, EMBED], 0, 0.05), true, 'embed'),
  wx: tf.variable(tf.randomNormal([EMBED, 3 * HIDDEN], 0, 0.1), true, 'wx'),
  wh: tf.variable(tf.randomNormal([HIDDEN, 3 * HIDDEN], 0, 0.1), true, 'wh'),
};
const head = {
  w: tf.variable(tf.randomNormal([HIDDEN, 6], 0, 0.1), true, 'headW'),
  b: tf.variable(tf.zeros([6]), true, 'headB'),
};
const optimizer = tf.train.adam(1e-3);
const encodingCache = new Map();

function gruStep(x, h) {
  const [xz, xr, xh] = tf.split(tf.matMul(x, enc.wx), 3, 1);
  const [uz, ur, uh] = tf.split(enc.wh, 3, 1);
  const z = tf.sigmoid(tf.add(xz, tf.matMul(h, uz)));
  const r = tf.sigmoid(tf.add(xr, tf.matMul(h, ur)));
  const cand = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h), uh)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand));
}

function encode(ticket) {
  if (encodingCache.has(ticket.id)) return encodingCache.get(ticket.id);
  const h = tf.tidy(() => {
    const xs = tf.gather(enc.embed, tf.tensor1d(ticket.tokens, 'int32'));
    let state = tf.zeros([1, HIDDEN]);
    for (const row of tf.unstack(xs)) state = gruStep(row.reshape([1, EMBED]), state);
    return state;
  });
  encodingCache.set(ticket.id, h);
  if (encodingCache.size > CACHE_LIMIT) {
    const oldest = encodingCache.keys().next().value;
    encodingCache.get(oldest).dispose();
    encodingCache.delete(oldest);
  }
  return h;
}

function trainEpoch(tickets, batchSize = 32) {
  let total = 0;
  for (let i = 0; i < tickets.length; i += batchSize) {
    const batch = tickets.slice(i, i + batchSize);
    const encoded = tf.concat(batch.map(encode), 0);
    const labels = tf.oneHot(tf.tensor1d(batch.map((t) => t.label), 'int32'), 6);
    const loss = optimizer.minimize(() => {
      const logits = tf.add(tf.matMul(encoded, head.w), head.b);
      return tf.losses.softmaxCrossEntropy(labels, logits);
    }, true);
    total += loss.dataSync()[0] * batch.length;
    tf.dispose([encoded, labels, loss]);
  }
  return total / tickets.length;
}

const tickets = JSON.parse(readFileSync('./tickets.json', 'utf8'));
for (let epoch = 0; epoch < 8; epoch++) {
  const loss = trainEpoch(tickets);
  console.log(`epoch ${epoch} loss=${loss.toFixed(4)} cached=${encodingCache.size} tensors=${tf.memory().numTensors}`);
}
