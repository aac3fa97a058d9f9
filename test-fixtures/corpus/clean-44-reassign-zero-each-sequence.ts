// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 20;
const cell = tf.layers.lstmCell({ units });
cell.build([null, 5]);
const readout = tf.layers.dense({ units: 1 });

export function evaluate(batches: { steps: tf.Tensor2D[]; target: tf.Tensor2D }[]): number {
  let h: tf.Tensor = tf.zeros([8, units]);
  let c: tf.Tensor = tf.zeros([8, units]);
  let total = 0;
  for (const batch of batches) {
    h = tf.zerosLike(h);
    c = tf.zerosLike(c);
    for (let t = 0; t < batch.steps.length; t++) {
      [, h, c] = cell.call([batch.steps[t], h, c], {}) as tf.Tensor[];
    }
    const pred = readout.apply(h) as tf.Tensor;
    total += tf.losses.meanSquaredError(batch.target, pred).dataSync()[0];
  }
  return total / batches.length;
}
