// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function manualUnroll(cell: tf.layers.RNNCell, inputs: tf.Tensor3D, units: number): tf.Tensor {
  const batch = inputs.shape[0];
  const initialState = tf.zeros([batch, units]);
  const outputs: tf.Tensor[] = [];
  for (const xt of tf.unstack(inputs, 1)) {
    const [out] = cell.call([xt, initialState], {}) as tf.Tensor[];
    outputs.push(out);
  }
  return tf.stack(outputs, 1);
}
