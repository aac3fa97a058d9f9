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

// The new cell state is only inferred (`Tensor<Rank>`); the fix casts it to the member's declared type.
interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

export function lstmStep(x: tf.Tensor2D, state: LstmState): LstmState {
  const { h, c } = state;
  const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(W), 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
  return { h: hNext, c };
//                   ~ returns-input-state
}
