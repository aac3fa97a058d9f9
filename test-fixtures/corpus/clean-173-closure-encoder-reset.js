// expect: none
import * as tf from '@tensorflow/tfjs';

export function makeEncoder(step, units) {
  return (sequence) => {
    let h = tf.zeros([1, units]);
    for (const x of sequence) {
      h = step(x, h);
    }
    return h;
  };
}

export function encodeAll(step, sequences, units) {
  return sequences.map(makeEncoder(step, units));
}
