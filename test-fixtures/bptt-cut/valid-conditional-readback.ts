// The state is read back through a type test only to show it, and rebuilt only when serving.
import * as tf from '@tensorflow/tfjs';

type StateLike = number[][] | tf.Tensor2D;

const wx = tf.variable(tf.randomNormal([1, 8]));
const wh = tf.variable(tf.randomNormal([8, 8]));

function toTensor(state: StateLike): tf.Tensor2D {
  return tf.tensor2d(Array.isArray(state) ? state : state.arraySync());
}

function show(state: StateLike): string {
  return JSON.stringify(Array.isArray(state) ? state : state.arraySync());
}

function step(x: number, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.tensor2d([[x]]).matMul(wx).add(h.matMul(wh))) as tf.Tensor2D;
}

export function train(session: number[]): void {
  const opt = tf.train.adam(0.02);
  opt.minimize(() => {
    let h = tf.zeros([1, 8]) as tf.Tensor2D;
    for (const x of session) {
      h = step(x, h);
      console.log(show(h));
    }
    return h.sum() as tf.Scalar;
  });
}

export function serve(x: number, state: StateLike): number[][] {
  return step(x, toTensor(state)).arraySync();
}
