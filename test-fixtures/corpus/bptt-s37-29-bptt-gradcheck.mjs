// expect: bptt-cut
// Gradient checker for the BPTT lecture: compares tf.valueAndGrads of an unrolled RNN loss with central differences on Wh.
import * as tf from '@tensorflow/tfjs';

export const stopGradient = tf.customGrad((x, save) => ({
  value: x.clone(),
  gradFunc: (dy) => [tf.zerosLike(dy)],
}));

function unrolledLoss(Wx, Wh, xs, target, { teacherForcing = true } = {}) {
  const steps = tf.unstack(xs, 1);
  let h = tf.zeros([xs.shape[0], Wh.shape[0]]);
  let prevOut = tf.zeros([xs.shape[0], 1]);
  for (const xt of steps) {
    const input = teacherForcing ? xt : tf.concat([xt.slice([0, 0], [-1, xt.shape[1] - 1]), prevOut], 1);
    const hNext = tf.tanh(input.matMul(Wx).add(h.matMul(Wh)));
    prevOut = stopGradient(hNext.mean(1, true));
    h = stopGradient(hNext);
  }
  return h.sub(target).square().mean();
}

export function analyticGrads(Wx, Wh, xs, target) {
  const f = (wx, wh) => unrolledLoss(wx, wh, xs, target);
  const { value, grads } = tf.valueAndGrads(f)([Wx, Wh]);
  return { loss: value.dataSync()[0], dWx: grads[0].arraySync(), dWh: grads[1].arraySync() };
}

export function numericGradWh(Wx, Wh, xs, target, eps = 1e-3) {
  const base = Wh.arraySync();
  const out = base.map((row) => row.map(() => 0));
  const lossAt = (matrix) => tf.tidy(() => unrolledLoss(Wx, tf.tensor2d(matrix), xs, target).dataSync()[0]);
  for (let i = 0; i < base.length; i++) {
    for (let j = 0; j < base[i].length; j++) {
      const plus = base.map((r) => r.slice());
      const minus = base.map((r) => r.slice());
      plus[i][j] += eps;
      minus[i][j] -= eps;
      out[i][j] = (lossAt(plus) - lossAt(minus)) / (2 * eps);
    }
  }
  return out;
}

export function compare(a, b) {
  let worst = 0;
  a.forEach((row, i) => row.forEach((v, j) => {
    const denom = Math.max(1e-8, Math.abs(v) + Math.abs(b[i][j]));
    worst = Math.max(worst, Math.abs(v - b[i][j]) / denom);
  }));
  return worst;
}

export function check({ units = 3, inputDim = 2, time = 6, batch = 2, seed = 0 } = {}) {
  return tf.tidy(() => {
    const Wx = tf.randomNormal([inputDim, units], 0, 0.6, 'float32', seed);
    const Wh = tf.randomNormal([units, units], 0, 0.6, 'float32', seed + 1);
    const xs = tf.randomNormal([batch, time, inputDim], 0, 1, 'float32', seed + 2);
    const target = tf.randomNormal([batch, units], 0, 0.5, 'float32', seed + 3);
    const { loss, dWh } = analyticGrads(Wx, Wh, xs, target);
    const numeric = numericGradWh(Wx, Wh, xs, target);
    return { loss, relErr: compare(dWh, numeric) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await tf.setBackend('cpu');
  for (const time of [1, 3, 6, 12]) {
    const { loss, relErr } = check({ time });
    console.log(`T=${String(time).padStart(2)} loss=${loss.toFixed(5)} max rel err=${relErr.toExponential(2)} ${relErr < 1e-2 ? 'PASS' : 'FAIL'}`);
  }
}
