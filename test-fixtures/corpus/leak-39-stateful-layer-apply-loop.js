// expect: state-leak
import * as tf from '@tensorflow/tfjs';

// A stateful LSTM layer applied directly to each sequence's tensor.
const lstm = tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 10, 3] });

export function lastStates(sequences) {
  return sequences.map((seq) => lstm.apply(seq).arraySync());
}
