// Bug: the LSTM never reads its incoming cell state c (no forget-gate term), so it remembers nothing
// through c. The output still depends on h, so only the per-state check sees it.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([6, 32], 0, 0.4));
const U = tf.variable(tf.randomNormal([8, 32], 0, 0.4));

export function lstmStep(x: tf.Tensor2D, [h, c]: tf.Tensor2D[]): tf.Tensor2D[] {
  return tf.tidy(() => {
    const z = tf.matMul(x, W).add(tf.matMul(h, U));
    const [i, , g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(i).mul(tf.tanh(g)) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, cNew];
  });
}
