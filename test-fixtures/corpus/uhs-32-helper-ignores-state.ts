// expect: unused-hidden-state
// The state is handed to a helper that never uses its second argument.
import * as tf from '@tensorflow/tfjs';

function mix(input: tf.Tensor2D, previous: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(input, W);
}

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(mix(x, h, W)) as tf.Tensor2D;
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D, units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) h = step(x, h, W);
  return h;
}
