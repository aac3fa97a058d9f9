// expect: unused-hidden-state
// tslab notebook: clockwise vs counter-clockwise gesture classifier, one experiment block per hidden size.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: gestures, 2-D points around a circle ---
const T = 10;
function gestures(n: number, seed: number): { xs: tf.Tensor2D[]; labels: tf.Tensor2D } {
  const starts = tf.randomUniform([n], 0, 2 * Math.PI, 'float32', seed).dataSync();
  const dirs: number[] = [];
  const pts: number[][][] = [];
  for (let i = 0; i < n; i++) {
    const dir = i % 2 === 0 ? 1 : -1;
    dirs.push(dir);
    pts.push(Array.from({ length: T }, (_, t) => [Math.cos(starts[i] + dir * 0.35 * t), Math.sin(starts[i] + dir * 0.35 * t)]));
  }
  const xs = Array.from({ length: T }, (_, t) => tf.tensor2d(pts.map((p) => p[t])));
  const labels = tf.tensor2d(dirs.map((d) => (d === 1 ? [1, 0] : [0, 1])));
  return { xs, labels };
}
const trainSet = gestures(64, 1);
const testSet = gestures(40, 2);

// --- cell 2: rnn factory ---
function makeRnn(units: number, seed: number) {
  const W = tf.variable(tf.randomNormal([2, units], 0, 0.5, 'float32', seed));
  const U = tf.variable(tf.randomNormal([units, units], 0, 0.5 / Math.sqrt(units), 'float32', seed + 1));
  const b = tf.variable(tf.zeros([units]));
  const V = tf.variable(tf.randomNormal([units, 2], 0, 0.5, 'float32', seed + 2));
  const c = tf.variable(tf.zeros([2]));

  const step = (x: tf.Tensor, h: tf.Tensor): tf.Tensor => {
    const pre = tf.matMul(x, W).add(b);
    pre.add(tf.matMul(h, U));
    return tf.tanh(pre);
  };

  const logits = (xs: tf.Tensor[]): tf.Tensor => {
    let h: tf.Tensor = tf.zeros([xs[0].shape[0], units]);
    for (const x of xs) h = step(x, h);
    return tf.matMul(h, V).add(c);
  };
  return { logits, vars: [W, U, b, V, c] };
}

function accuracy(model: ReturnType<typeof makeRnn>, set: typeof testSet): number {
  return tf.tidy(() => {
    const pred = model.logits(set.xs).argMax(1);
    return pred.equal(set.labels.argMax(1)).mean().dataSync()[0];
  });
}

// --- cell 3: experiment A, 8 units ---
let rnn = makeRnn(8, 10);
let opt = tf.train.adam(0.05);
for (let e = 0; e < 60; e++) {
  opt.minimize(() => tf.losses.softmaxCrossEntropy(trainSet.labels, rnn.logits(trainSet.xs)) as tf.Scalar);
}
console.table([{ units: 8, train: accuracy(rnn, trainSet), test: accuracy(rnn, testSet) }]);

// --- cell 4: experiment B, 24 units (copy of A) ---
rnn = makeRnn(24, 20);
opt = tf.train.adam(0.05);
for (let e = 0; e < 60; e++) {
  opt.minimize(() => tf.losses.softmaxCrossEntropy(trainSet.labels, rnn.logits(trainSet.xs)) as tf.Scalar);
}
console.table([{ units: 24, train: accuracy(rnn, trainSet), test: accuracy(rnn, testSet) }]);
