// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 6;
const cell = tf.layers.simpleRNNCell({ units });
cell.build([null, 3]);

export function lastStates(recordings: tf.Tensor2D[][], h0: tf.Tensor2D): tf.Tensor[] {
  const result: tf.Tensor[] = [];
  let h: tf.Tensor = h0;
  for (const recording of recordings) {
    h = h0.clone();
    for (const frame of recording) {
      [, h] = cell.call([frame, h], {}) as tf.Tensor[];
    }
    result.push(h);
  }
  return result;
}
