// expect: state-leak
import * as tf from '@tensorflow/tfjs';

// The returned encoder closes over one `h` that lives across calls: every sequence passed to it
// continues from the previous sequence's final state.
export function makeEncoder(step, units) {
  let h = tf.zeros([1, units]);
  return (sequence) => {
    for (const x of sequence) {
      h = step(x, h);
    }
    return h;
  };
}

export function encodeAll(step, sequences, units) {
  return sequences.map(makeEncoder(step, units));
}
