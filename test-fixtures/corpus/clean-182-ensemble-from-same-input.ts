// expect: none
// Several independently trained cells each encode the SAME sequence from zeros; their final
// states are averaged. Each unroll threads its own state.
import * as tf from '@tensorflow/tfjs';

export function ensembleEncode(cells: tf.layers.RNNCell[], xs: tf.Tensor2D[], units: number): tf.Tensor {
  const finals: tf.Tensor[] = [];
  for (const cell of cells) {
    let h: tf.Tensor = tf.zeros([1, units]);
    for (const x of xs) {
      [, h] = cell.call([x, h], {}) as tf.Tensor[];
    }
    finals.push(h);
  }
  return tf.mean(tf.stack(finals), 0);
}
