// Kalman-style trackers whose step takes the state first (`step(m, y)`) and returns
// `[prediction, newMean]`: each loop stores the new mean where the next step should read it (a
// member of the reduce's accumulator, or a variable), but passes the initial mean `m0` every step.
import * as tf from '@tensorflow/tfjs';

const dt = 0.05;
const At = tf.tensor2d([[1, 0], [dt, 1]]);
const K = tf.variable(tf.tensor2d([[0.5, 0.1]]));
const c = tf.variable(tf.tensor2d([[1], [0]]));

function step(m, y) {
  const mp = tf.matMul(m, At);
  const yh = tf.matMul(mp, c);
  return [yh, mp.add(tf.matMul(y.sub(yh), K))];
}

export function track(ys, m0) {
  const { out } = ys.reduce(
    (acc, y) => {
      const [yh, m] = step(m0, y);
      //                   ~~ stale-state
      acc.out.push(yh);
      acc.m = m;
      return acc;
    },
    { out: [], m: m0 },
  );
  return tf.concat(out, 0);
}

export function trackImmutable(ys, m0) {
  return ys.reduce((acc, y) => {
    const [yh, m] = step(m0, y);
    //                   ~~ stale-state
    return { out: [...acc.out, yh], m };
  }, { out: [], m: m0 }).out;
}

export function trackDestructured(ys, m0) {
  return ys.reduce(({ out, m }, y) => {
    const [yh, mNext] = step(m0, y);
    //                       ~~ stale-state
    return { out: [...out, yh], m: mNext };
  }, { out: [], m: m0 }).out;
}

export function trackEach(ys, m0) {
  let m = m0;
  const out = [];
  ys.forEach((y) => {
    const [yh, mNext] = step(m0, y);
    //                       ~~ stale-state
    out.push(yh);
    m = mNext;
  });
  return { out, m };
}
