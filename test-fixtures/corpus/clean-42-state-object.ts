// expect: none
import * as tf from '@tensorflow/tfjs';

interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

const H = 10;
const W = tf.variable(tf.randomNormal([5 + H, 4 * H], 0, 0.05));

function lstmStep(x: tf.Tensor2D, state: LstmState): LstmState {
  const z = tf.matMul(tf.concat([x, state.h], 1), W) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
  return { h, c };
}

export function run(xs: tf.Tensor2D[]): tf.Tensor2D {
  let state: LstmState = { h: tf.zeros([1, H]), c: tf.zeros([1, H]) };
  for (const x of xs) {
    state = lstmStep(x, state);
  }
  return state.h;
}
