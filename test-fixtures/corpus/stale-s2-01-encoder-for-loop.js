// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function encodeSequence(cell, inputs, hiddenSize) {
  const batch = inputs[0].shape[0];
  let h = tf.zeros([batch, hiddenSize]);
  const outputs = [];

  for (let t = 0; t < inputs.length; t++) {
    const hNext = cell.step(inputs[t], h);
    outputs.push(hNext);
  }

  const last = outputs[outputs.length - 1];
  return { outputs: tf.stack(outputs, 1), last };
}

export function encodeBatch(cell, batches, hiddenSize) {
  return batches.map((inputs) => encodeSequence(cell, inputs, hiddenSize).last);
}
