// New states named with a digit (`h2`, `c2`: the next values, as in h_{t+1}) next to an incoming
// state returned unchanged, here from a destructured state parameter.
import * as tf from '@tensorflow/tfjs';

type State = { h: tf.Tensor2D; c: tf.Tensor2D };
const W = tf.randomNormal([12, 16]) as tf.Tensor2D;

export function lstmCell(x: tf.Tensor2D, { h, c }: State): State {
  return tf.tidy(() => {
    const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(W), 4, 1);
    const c2 = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h2 = tf.sigmoid(o).mul(tf.tanh(c2)) as tf.Tensor2D;
    return { h: h2, c };
//                  ~ returns-input-state
  });
}
