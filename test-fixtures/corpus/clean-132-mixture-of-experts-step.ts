// expect: none
// Mixture-of-experts recurrent step: every expert cell steps from the SAME current state, and
// the gated mixture of their proposals becomes the next state.
import * as tf from '@tensorflow/tfjs';

export function moeStep(
  experts: tf.layers.RNNCell[],
  gate: tf.layers.Layer,
  x: tf.Tensor2D,
  h: tf.Tensor2D,
): tf.Tensor2D {
  return tf.tidy(() => {
    const proposals: tf.Tensor[] = [];
    for (const expert of experts) {
      const [, proposal] = expert.call([x, h], {}) as tf.Tensor[];
      proposals.push(proposal);
    }
    const weights = tf.softmax(gate.apply(tf.concat([x, h], 1)) as tf.Tensor2D); // [1, E]
    const stacked = tf.stack(proposals, 1); // [1, E, H]
    return tf.sum(stacked.mul(weights.expandDims(2)), 1) as tf.Tensor2D;
  });
}

export function run(experts: tf.layers.RNNCell[], gate: tf.layers.Layer, xs: tf.Tensor2D[], units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) h = moeStep(experts, gate, x, h);
  return h;
}
