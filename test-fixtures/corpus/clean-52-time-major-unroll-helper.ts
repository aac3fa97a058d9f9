// expect: none
// A generic unroll helper in the style of tfjs-layers' rnn(): parameters are transposed in place
// inside tidy, and the states are threaded through the loop and returned (reduced from a false
// positive on tfjs-layers recurrent.ts).
import * as tf from '@tensorflow/tfjs';

export type StepFn = (x: tf.Tensor, states: tf.Tensor[]) => [tf.Tensor, tf.Tensor[]];

export function unroll(step: StepFn, inputs: tf.Tensor, initialStates: tf.Tensor[], mask?: tf.Tensor, reverse = false): [tf.Tensor, tf.Tensor[]] {
  return tf.tidy(() => {
    inputs = tf.transpose(inputs, [1, 0, 2]);
    if (mask != null) {
      mask = tf.transpose(tf.expandDims(tf.cast(mask, 'float32'), -1), [1, 0, 2]);
    }
    if (reverse) {
      inputs = tf.reverse(inputs, 0);
      if (mask != null) mask = tf.reverse(mask, 0);
    }
    const xs = tf.unstack(inputs);
    const ms = mask != null ? tf.unstack(mask) : null;
    let states = initialStates;
    let last: tf.Tensor = tf.zeros([1]);
    for (let t = 0; t < xs.length; t++) {
      const [out, next] = step(xs[t], states);
      if (ms) {
        const m = ms[t];
        states = next.map((s, i) => tf.add(tf.mul(s, m), tf.mul(states[i], tf.sub(1, m))));
      } else {
        states = next;
      }
      last = out;
    }
    return [last, states];
  });
}
