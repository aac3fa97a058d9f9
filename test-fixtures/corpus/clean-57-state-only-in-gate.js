// expect: none
// A minimal gated unit: the previous state only enters through the gate, and that is enough for
// it to reach the new state.
import * as tf from '@tensorflow/tfjs';

export function mguStep(x, h, { Wf, Uf, Wh, Uh }) {
  return tf.tidy(() => {
    const f = tf.sigmoid(x.matMul(Wf).add(h.matMul(Uf)));
    const candidate = tf.tanh(x.matMul(Wh).add(f.mul(h).matMul(Uh)));
    return tf.sub(1, f).mul(h).add(f.mul(candidate));
  });
}

export function run(xs, params, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) h = mguStep(x, h, params);
  return h;
}
