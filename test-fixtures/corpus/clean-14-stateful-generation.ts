// expect: none
// A stateful LSTM fed one character at a time while generating ONE sequence: the state must carry.
import * as tf from '@tensorflow/tfjs';

const vocab = 40;
const model = tf.sequential();
model.add(tf.layers.lstm({ units: 64, stateful: true, batchInputShape: [1, 1, vocab] }));
model.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));

export function generate(seedId: number, length: number): number[] {
  model.resetStates();
  const ids: number[] = [seedId];
  let current = seedId;
  for (let i = 0; i < length; i++) {
    const x = tf.oneHot([current], vocab).toFloat().reshape([1, 1, vocab]);
    const probs = model.predict(x) as tf.Tensor2D;
    current = probs.argMax(-1).dataSync()[0];
    ids.push(current);
    tf.dispose([x, probs]);
  }
  return ids;
}
