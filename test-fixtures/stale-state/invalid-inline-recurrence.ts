// Echo-state network: harvests the reservoir states driven by an input signal.
import * as tf from '@tensorflow/tfjs';

export function harvest(u: number[], Win: tf.Tensor2D, W: tf.Tensor2D, washout: number): tf.Tensor2D {
  const x = tf.zeros([1, W.shape[0]]) as tf.Tensor2D;
  const X: tf.Tensor2D[] = [];
  for (let t = 0; t < u.length; t++) {
    const a = tf.tensor2d([[1, u[t]!]]);
    const xt = tf.tanh(tf.matMul(a, Win).add(tf.matMul(x, W))) as tf.Tensor2D;
    //                                                 ~ stale-state
    if (t >= washout) X.push(xt);
  }
  return tf.concat(X, 0);
}
