// expect: none
// Gates are multiplied by activations (LSTM/GLU style); tanh(c) of a sum of products is not stacking.
import * as tf from '@tensorflow/tfjs';

export function lstmStep(x, h, c, { W, U, b }) {
  return tf.tidy(() => {
    const z = x.matMul(W).add(h.matMul(U)).add(b);
    const [zi, zf, zg, zo] = tf.split(z, 4, -1);
    const cNew = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
    const hNew = tf.sigmoid(zo).mul(cNew.tanh());
    return [hNew, cNew];
  });
}

export function gluStep(x, h, { Wa, Wb }) {
  const xh = tf.concat([x, h], 1);
  return tf.tanh(xh.matMul(Wa)).mul(tf.sigmoid(xh.matMul(Wb)));
}
