// Kalman-style trackers whose step takes the state first (`step(m, y)`) and returns
// `[prediction, newMean]`, each step from the mean the last one stored: a member of the reduce's
// accumulator (`acc.m`, or destructured), or a variable. Also a decoder whose state starts as the
// encoder's final state, which it also reads on every step as a context beside the carried state,
// and a search that keeps the best of several tries from the same start.
import * as tf from '@tensorflow/tfjs';

const dt = 0.05;
const At = tf.tensor2d([[1, 0], [dt, 1]]);
const K = tf.variable(tf.tensor2d([[0.5, 0.1]]));
const c = tf.variable(tf.tensor2d([[1], [0]]));
const Wd = tf.variable(tf.randomNormal([2, 2], 0, 0.1));

function step(m, y) {
  const mp = tf.matMul(m, At);
  const yh = tf.matMul(mp, c);
  return [yh, mp.add(tf.matMul(y.sub(yh), K))];
}

export function track(ys, m0) {
  const { out } = ys.reduce(
    (acc, y) => {
      const [yh, m] = step(acc.m, y);
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
    const [yh, m] = step(acc.m, y);
    return { out: [...acc.out, yh], m };
  }, { out: [], m: m0 }).out;
}

export function trackDestructured(ys, m0) {
  return ys.reduce(({ out, m }, y) => {
    const [yh, mNext] = step(m, y);
    return { out: [...out, yh], m: mNext };
  }, { out: [], m: m0 }).out;
}

export function trackEach(ys, m0) {
  let m = m0;
  const out = [];
  ys.forEach((y) => {
    const [yh, mNext] = step(m, y);
    out.push(yh);
    m = mNext;
  });
  return { out, m };
}

function decoderStep(y, h, context) {
  return tf.tanh(tf.matMul(y, Wd).add(tf.matMul(h, Wd)).add(context));
}

// The decoder starts from the encoder's final state and reads it again on every step as a context.
export function decode(targets, encoderFinal) {
  return targets.reduce((acc, y) => {
    const h = decoderStep(y, acc.h, encoderFinal);
    acc.outs.push(h);
    acc.h = h;
    return acc;
  }, { h: encoderFinal, outs: [] }).outs;
}

export function decodeEach(targets, encoderFinal) {
  let h = encoderFinal;
  const outs = [];
  targets.forEach((y) => {
    const hNext = decoderStep(y, h, encoderFinal);
    outs.push(hNext);
    h = hNext;
  });
  return outs;
}

// Every candidate is tried from the same start; the best one's mean is kept.
export function bestCandidate(candidates, m0, score) {
  return candidates.reduce((best, y) => {
    const [yh, m] = step(m0, y);
    const s = score(yh);
    return s > best.score ? { score: s, m } : best;
  }, { score: -Infinity, m: m0 });
}
