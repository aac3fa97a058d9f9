// expect: bptt-cut
// Sequence-regression training step for a hand-written RNN; bug: the recurrence is unrolled over the batch before optimizer.minimize, so the loss closure only sees the final `h` as a constant and no gradient flows back through time.
import * as tf from '@tensorflow/tfjs';

const FEATURES = 4;
const UNITS = 32;

const Wx = tf.variable(tf.randomNormal([FEATURES, UNITS], 0, 0.1), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1), true, 'Wh');
const bh = tf.variable(tf.zeros([UNITS]), true, 'bh');
const Wo = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1), true, 'Wo');
const bo = tf.variable(tf.zeros([1]), true, 'bo');
const optimizer = tf.train.adam(1e-3);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh));
}

export function trainBatch(xs: tf.Tensor3D, ys: tf.Tensor2D): number {
  const frames = tf.unstack(xs, 1) as tf.Tensor2D[];
  let h = tf.zeros([xs.shape[0], UNITS]) as tf.Tensor2D;
  for (const x of frames) {
    const next = step(x, h);
    h.dispose();
    h = next;
  }
  const cost = optimizer.minimize(() => {
    const pred = tf.add(tf.matMul(h, Wo), bo);
    return tf.losses.meanSquaredError(ys, pred) as tf.Scalar;
  }, true, [Wx, Wh, bh, Wo, bo]);
  const value = cost ? cost.dataSync()[0] : NaN;
  tf.dispose([h, ...frames]);
  cost?.dispose();
  return value;
}

export async function fitSeries(batches: Array<{ xs: tf.Tensor3D; ys: tf.Tensor2D }>, epochs = 10) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const { xs, ys } of batches) total += trainBatch(xs, ys);
    console.log(`epoch ${epoch} loss ${(total / batches.length).toFixed(4)}`);
    await tf.nextFrame();
  }
}
