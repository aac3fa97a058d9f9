// The shared step accepts a state as JS numbers or as a tensor, and rebuilds a tensor through arraySync.
import * as tf from '@tensorflow/tfjs';

type StateLike = number[][] | tf.Tensor2D;

const wx = tf.variable(tf.randomNormal([1, 8]));
const wh = tf.variable(tf.randomNormal([8, 8]));
const wy = tf.variable(tf.randomNormal([8, 1]));

function toTensor(state: StateLike): tf.Tensor2D {
  return tf.tensor2d(Array.isArray(state) ? state : state.arraySync());
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
}

export function step(x: number, state: StateLike): { pred: tf.Tensor2D; h: tf.Tensor2D } {
  const h = toTensor(state);
  const hNext = tf.tanh(tf.tensor2d([[x]]).matMul(wx).add(h.matMul(wh))) as tf.Tensor2D;
  return { pred: hNext.matMul(wy) as tf.Tensor2D, h: hNext };
}

export function train(session: number[]): void {
  const opt = tf.train.adam(0.02);
  opt.minimize(() => {
    let h: StateLike = tf.zeros([1, 8]) as tf.Tensor2D;
    const errs: tf.Tensor[] = [];
    for (let t = 0; t + 1 < session.length; t++) {
      const out = step(session[t]!, h);
      errs.push(tf.squaredDifference(out.pred, tf.scalar(session[t + 1]!)).mean());
      h = out.h;
    }
    return tf.addN(errs).div(errs.length) as tf.Scalar;
  });
}
