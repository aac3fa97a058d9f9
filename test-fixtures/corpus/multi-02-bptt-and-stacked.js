// expect: bptt-cut, stacked-activation
import * as tf from '@tensorflow/tfjs';

const H = 10;
const Wx = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const optimizer = tf.train.adam(0.01);

function step(x, h) {
  return tf.relu(tf.tanh(x.matMul(Wx).add(h.matMul(Wh))));
}

export function train(xs, y) {
  let h = tf.zeros([1, H]);
  for (const x of xs) {
    h = step(x, h);
  }
  optimizer.minimize(() => tf.losses.meanSquaredError(y, h.matMul(Wo)));
}
