// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const UNITS = 20;
const cell = tf.layers.lstmCell({ units: UNITS });
cell.build([null, 5]);
const readout = tf.layers.dense({ units: 1 });

export function evaluate(batches) {
  let h = tf.zeros([8, UNITS]);
  let c = tf.zeros([8, UNITS]);
  let total = 0;
  for (const batch of batches) {
    // batch.steps: Tensor2D[] of shape [8, 5], independent sequences in each batch.
    for (let t = 0; t < batch.steps.length; t++) {
      [, h, c] = cell.call([batch.steps[t], h, c], {});
    }
    const pred = readout.apply(h);
    total += tf.losses.meanSquaredError(batch.target, pred).dataSync()[0];
  }
  return total / batches.length;
}
