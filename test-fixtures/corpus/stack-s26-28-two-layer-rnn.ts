// expect: stacked-activation
// tslab notebook: one-layer vs two-layer RNN on a parity-of-recent-bits task, each experiment in its own cell.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: data: label = xor of the last two bits seen ---
const T = 12;
const N = 128;
function bits(seed: number): { xs: tf.Tensor2D[]; ys: tf.Tensor2D[] } {
  const b = tf.randomUniform([N, T], 0, 1, 'float32', seed).greater(0.5).toFloat().arraySync() as number[][];
  const xs = Array.from({ length: T }, (_, t) => tf.tensor2d(b.map((r) => [r[t] * 2 - 1])));
  const ys = Array.from({ length: T }, (_, t) => tf.tensor2d(b.map((r) => [t === 0 ? 0 : r[t] !== r[t - 1] ? 1 : 0])));
  return { xs, ys };
}
const data = bits(1);

// --- cell 2: layer params + helpers ---
type Layer = { W: tf.Variable; U: tf.Variable; b: tf.Variable };
const mkLayer = (inDim: number, units: number, seed: number): Layer => ({
  W: tf.variable(tf.randomNormal([inDim, units], 0, 0.6, 'float32', seed)),
  U: tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1)),
  b: tf.variable(tf.zeros([units])),
});
const rnnLayer = (l: Layer, x: tf.Tensor, h: tf.Tensor): tf.Tensor =>
  tf.tanh(tf.matMul(x, l.W).add(tf.matMul(h, l.U)).add(l.b));
const between = (h: tf.Tensor): tf.Tensor => tf.relu(h);

// --- cell 3: experiment A, one layer ---
const H = 16;
let l1 = mkLayer(1, H, 10);
let head = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 12));
let opt = tf.train.adam(0.03);
const lossA = () => {
  let h: tf.Tensor = tf.zeros([N, H]);
  let total = tf.scalar(0);
  data.xs.forEach((x, t) => {
    h = rnnLayer(l1, x, h);
    total = total.add(tf.losses.sigmoidCrossEntropy(data.ys[t], tf.matMul(h, head)));
  });
  return total.div(T) as tf.Scalar;
};
for (let i = 0; i < 80; i++) opt.minimize(lossA);
console.table([{ exp: 'A: 1 layer', loss: +lossA().dataSync()[0].toFixed(4) }]);

// --- cell 4: experiment B, two layers (copied from A) ---
l1 = mkLayer(1, H, 20);
const l2 = mkLayer(H, H, 30);
head = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 32));
opt = tf.train.adam(0.03);
const lossB = () => {
  let h1: tf.Tensor = tf.zeros([N, H]);
  let h2: tf.Tensor = tf.zeros([N, H]);
  let total = tf.scalar(0);
  data.xs.forEach((x, t) => {
    h1 = rnnLayer(l1, x, h1);
    h2 = rnnLayer(l2, between(h1), h2);
    total = total.add(tf.losses.sigmoidCrossEntropy(data.ys[t], tf.matMul(h2, head)));
  });
  return total.div(T) as tf.Scalar;
};
for (let i = 0; i < 80; i++) opt.minimize(lossB);
console.table([{ exp: 'B: 2 layers', loss: +lossB().dataSync()[0].toFixed(4) }]);
console.log('tensors alive:', tf.memory().numTensors);
