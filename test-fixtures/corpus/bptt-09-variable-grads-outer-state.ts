// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

const H = 5;
const cell = tf.layers.simpleRNNCell({ units: H });
cell.build([null, 2]);

export function lossAndGrads(xs: tf.Tensor2D[], y: tf.Tensor2D, V: tf.Variable<tf.Rank.R2>) {
  let state: tf.Tensor = tf.zeros([1, H]);
  xs.forEach((x) => {
    [, state] = cell.call([x, state], {}) as tf.Tensor[];
  });
  // Only the readout sees the gradient; the recurrent weights of `cell` never will.
  return tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(state as tf.Tensor2D, V as tf.Tensor2D)) as tf.Scalar);
}
