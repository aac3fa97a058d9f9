// Options a recurrent layer does read, and state-named options given to layers that read them.
import * as tf from '@tensorflow/tfjs';

const gru = tf.layers.gru({ units: 8, returnState: true });
const dense = tf.layers.dense({ units: 8 });

export function advance(x: tf.Tensor3D, hidden: tf.Tensor2D, mask: tf.Tensor): tf.Tensor[] {
  return gru.apply(x, { initialState: [hidden], mask, training: false }) as tf.Tensor[];
}

// A user layer reads its own options.
class Gated extends tf.layers.Layer {
  static className = 'Gated';
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { hiddenState?: tf.Tensor }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return kwargs.hiddenState ? tf.add(x, kwargs.hiddenState) : x;
  }
}

export function gated(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor {
  const layer = new Gated();
  return layer.apply(x, { hiddenState: h }) as tf.Tensor;
}

export function project(x: tf.Tensor2D, state: tf.Tensor2D): tf.Tensor {
  return dense.apply(tf.concat([x, state], 1), { training: true }) as tf.Tensor;
}
