// expect: bptt-cut
// Trains a simpleRNNCell to recall the first symbol of a sequence at its end, using tf.variableGrads and Adam.
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
const STEPS = 10;
const SYMBOLS = 4;
const STATE_LIMIT = 3;

const cell = tf.layers.simpleRNNCell({ units: UNITS, activation: 'relu', recurrentInitializer: 'identity' });
cell.build([null, SYMBOLS]);
const classifier = tf.layers.dense({ units: SYMBOLS });
classifier.build([null, UNITS]);
const optimizer = tf.train.adam(0.005);

const trainable = () =>
  [...cell.trainableWeights, ...classifier.trainableWeights].map((w) => w.read());

function clampState(h) {
  // relu cells can blow up on long inputs; keep the state in a sane range
  const rows = h.arraySync().map((row) => row.map((v) => Math.min(v, STATE_LIMIT)));
  return tf.tensor2d(rows);
}

function batch(size) {
  const first = Array.from({ length: size }, () => Math.floor(Math.random() * SYMBOLS));
  const seqs = first.map((s) => [s, ...Array.from({ length: STEPS - 1 }, () => Math.floor(Math.random() * SYMBOLS))]);
  return {
    xs: tf.oneHot(tf.tensor2d(seqs, undefined, 'int32'), SYMBOLS).toFloat(),
    labels: tf.oneHot(tf.tensor1d(first, 'int32'), SYMBOLS).toFloat(),
  };
}

function lossFn(xs, labels) {
  const n = xs.shape[0];
  let h = tf.zeros([n, UNITS]);
  for (let t = 0; t < STEPS; t++) {
    const xt = xs.slice([0, t, 0], [n, 1, SYMBOLS]).reshape([n, SYMBOLS]);
    const [, next] = cell.call([xt, h], {});
    h = clampState(next);
  }
  return tf.losses.softmaxCrossEntropy(labels, classifier.apply(h));
}

async function accuracy() {
  const { xs, labels } = batch(256);
  const acc = tf.tidy(() => {
    const n = xs.shape[0];
    let h = tf.zeros([n, UNITS]);
    for (let t = 0; t < STEPS; t++) {
      const xt = xs.slice([0, t, 0], [n, 1, SYMBOLS]).reshape([n, SYMBOLS]);
      h = clampState(cell.call([xt, h], {})[1]);
    }
    return tf.metrics.categoricalAccuracy(labels, classifier.apply(h)).mean();
  });
  const v = (await acc.data())[0];
  tf.dispose([xs, labels, acc]);
  return v;
}

export async function train(iterations = 300) {
  for (let i = 0; i < iterations; i++) {
    const { xs, labels } = batch(64);
    const { value, grads } = tf.variableGrads(() => lossFn(xs, labels), trainable());
    optimizer.applyGradients(grads);
    if (i % 100 === 0) console.log('iter', i, 'loss', (await value.data())[0].toFixed(3));
    tf.dispose([xs, labels, value, ...Object.values(grads)]);
  }
  console.log('recall accuracy', (await accuracy()).toFixed(3));
}

train();
