// Variables assigned on the tape that are not the recurrence: a carry after the chunk, running statistics.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 8]));
const Wh = tf.variable(tf.randomNormal([8, 8]));
const Wo = tf.variable(tf.randomNormal([8, 1]));
const carryState = tf.variable(tf.zeros([1, 8]), false);
const runningMean = tf.variable(tf.zeros([8]), false);
const optimizer = tf.train.adam(0.01);

// Truncated BPTT on purpose: the chunk is unrolled with tensors; the final state is carried to the
// next chunk through the variable, after the loop.
export function trainChunk(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  optimizer.minimize(() => {
    let h = carryState as tf.Tensor as tf.Tensor2D;
    for (const x of xs) {
      h = tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh))) as tf.Tensor2D;
      runningMean.assign(tf.add(tf.mul(runningMean, 0.9), tf.mul(tf.mean(h, 0), 0.1)));
    }
    carryState.assign(h);
    return tf.losses.meanSquaredError(y, tf.matMul(h, Wo)) as tf.Scalar;
  });
}

// The state is assigned after the gradient is taken.
export function trainStep(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  let last = carryState as tf.Tensor as tf.Tensor2D;
  optimizer.minimize(() => {
    let h = carryState as tf.Tensor as tf.Tensor2D;
    for (const x of xs) h = tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh))) as tf.Tensor2D;
    last = tf.keep(h);
    return tf.losses.meanSquaredError(y, tf.matMul(h, Wo)) as tf.Scalar;
  });
  carryState.assign(last);
}
