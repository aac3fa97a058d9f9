// expect: none
// Batch job: flags log lines whose bit-encoded flags contain two errors in a row, using a small RNN trained on the spot
import * as tf from '@tensorflow/tfjs';

const HID = 10;
const LEN = 12;

const Wx = tf.variable(tf.randomNormal([1, HID], 0, 0.5));
const Wh = tf.variable(tf.randomNormal([HID, HID], 0, 0.3));
const bh = tf.variable(tf.zeros([HID]));
const Wo = tf.variable(tf.randomNormal([HID, 1], 0, 0.3));
const bo = tf.variable(tf.zeros([1]));

const step = (x, h) => tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh));
const head = (h) => tf.sigmoid(h.matMul(Wo).add(bo));

function hasDoubleError(bits) {
  return bits.some((b, i) => i > 0 && b === 1 && bits[i - 1] === 1);
}

function randomBits() {
  return Array.from({ length: LEN }, () => (Math.random() < 0.25 ? 1 : 0));
}

function batchLoss(seqs) {
  const xs = tf.tensor2d(seqs);
  const ys = tf.tensor2d(seqs.map((s) => [hasDoubleError(s) ? 1 : 0]));
  let h = tf.zeros([seqs.length, HID]);
  for (const col of tf.split(xs, LEN, 1)) h = step(col, h);
  return tf.losses.logLoss(ys, head(h));
}

const opt = tf.train.adam(0.02);
for (let it = 0; it < 300; it++) {
  const seqs = Array.from({ length: 64 }, randomBits);
  const l = opt.minimize(() => batchLoss(seqs), true);
  if (it % 100 === 0) console.log('it', it, 'loss', l.dataSync()[0].toFixed(4));
  l.dispose();
}

// ---- the actual job: score each log line on its own ----
const logLines = [];
for (let i = 0; i < 200; i++) logLines.push(randomBits());

let hidden;
let flagged = 0;
let correct = 0;
for (const line of logLines) {
  hidden = tf.zeros([1, HID]);
  for (const bit of line) {
    const next = tf.tidy(() => step(tf.tensor2d([[bit]]), hidden));
    hidden.dispose();
    hidden = next;
  }
  const p = tf.tidy(() => head(hidden).dataSync()[0]);
  if (p > 0.5) flagged++;
  if ((p > 0.5) === hasDoubleError(line)) correct++;
  hidden.dispose();
}

console.log(`flagged ${flagged}/${logLines.length}, agreement with rule ${(100 * correct / logLines.length).toFixed(1)}%`);
console.log('tensors left:', tf.memory().numTensors);
