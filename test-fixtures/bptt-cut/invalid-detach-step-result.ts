// A read-back helper applied to the step's result at every step on the tape: each step starts from constants.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.1));

const detach = <T extends tf.Tensor>(t: T): T => tf.tensor(t.dataSync(), t.shape, t.dtype) as T;

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

function loss(xs: tf.Tensor2D[], y: tf.Tensor2D): tf.Scalar {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (const x of xs) {
    h = detach(cell(x, h));
    //  ~~~~~~~~~~~~~~~~~~ bptt-cut
  }
  return tf.losses.meanSquaredError(y, tf.matMul(h, Wo));
}

export function train(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  const { grads } = tf.variableGrads(() => loss(xs, y));
  tf.dispose(Object.values(grads));
}
