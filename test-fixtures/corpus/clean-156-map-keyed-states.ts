// expect: none
// Per-layer states kept in a Map keyed by layer name, fed back every step and created fresh per call.
import * as tf from '@tensorflow/tfjs';

export function runStack(cells: Map<string, tf.layers.RNNCell>, xs: tf.Tensor2D[], units: number): tf.Tensor {
  const states = new Map<string, tf.Tensor>();
  for (const name of cells.keys()) states.set(name, tf.zeros([1, units]));
  let top: tf.Tensor = tf.zeros([1, units]);
  for (const x of xs) {
    let input: tf.Tensor = x;
    for (const [name, cell] of cells) {
      const [out, next] = cell.call([input, states.get(name)!], {}) as tf.Tensor[];
      states.set(name, next);
      input = out;
    }
    top = input;
  }
  return top;
}
