// expect: none
import * as tf from '@tensorflow/tfjs';

export function manualUnroll(cell: tf.layers.RNNCell, inputs: tf.Tensor3D, units: number): tf.Tensor {
  const batch = inputs.shape[0];
  let state: tf.Tensor = tf.zeros([batch, units]);
  const outputs: tf.Tensor[] = [];
  for (const xt of tf.unstack(inputs, 1)) {
    const [out, next] = cell.call([xt, state], {}) as tf.Tensor[];
    state = next;
    outputs.push(out);
  }
  return tf.stack(outputs, 1);
}
