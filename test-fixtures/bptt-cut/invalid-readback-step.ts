// A step that hands its new state back as JS numbers; the loop inside minimize feeds them on.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([2, 8]));
const Wh = tf.variable(tf.randomNormal([8, 8]));
const Wy = tf.variable(tf.randomNormal([8, 2]));

function step(x: tf.Tensor2D, state: number[][]): [tf.Tensor, number[][]] {
  const h = tf.tanh(x.matMul(Wx).add(tf.tensor2d(state).matMul(Wh)));
  return [h.matMul(Wy), h.arraySync() as number[][]];
}

export function fit(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): void {
  const opt = tf.train.adam(0.01);
  opt.minimize(() => {
    let state = [[0, 0, 0, 0, 0, 0, 0, 0]];
    let total = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      const [out, next] = step(xs[t]!, state);
      //                  ~~~~~~~~~~~~~~~~~~~ bptt-cut
      state = next;
      total = total.add(tf.losses.meanSquaredError(ys[t]!, out));
    }
    return total as tf.Scalar;
  });
}
