// expect: none
import * as tf from '@tensorflow/tfjs';

export function scoreAll(sequences) {
  const rnn = tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 10, 2] });
  const model = tf.sequential({ layers: [rnn, tf.layers.dense({ units: 1 })] });
  const scores = [];
  for (const s of sequences) {
    rnn.resetStates();
    scores.push(model.predict(s).dataSync()[0]);
  }
  return scores;
}
