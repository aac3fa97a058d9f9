// expect: none
import * as tf from '@tensorflow/tfjs';

const lstm = tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 10, 3] });

export function lastStates(sequences) {
  return sequences.map((seq) => {
    const last = lstm.apply(seq).arraySync();
    lstm.resetStates();
    return last;
  });
}
