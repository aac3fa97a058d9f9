// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

const H = 6;
const lstm = tf.layers.lstmCell({ units: H });
lstm.build([null, 4]);
const Wout = tf.variable(tf.randomNormal([H, 1], 0, 0.1));

// The LSTM's recurrent weights only ever see the gradient of the last step.
export function lossAndGrads(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  for (let t = 0; t < xs.length - 1; t++) {
    [, h, c] = lstm.call([xs[t], h, c], {}) as tf.Tensor[];
  }
  return tf.variableGrads(() => {
    const [out] = lstm.call([xs[xs.length - 1], h, c], {}) as tf.Tensor[];
    return tf.losses.meanSquaredError(y, tf.matMul(out as tf.Tensor2D, Wout)) as tf.Scalar;
  });
}
