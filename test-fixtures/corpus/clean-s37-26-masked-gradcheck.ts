// expect: none
// Gradient-check utility: compares tf.variableGrads of a masked RNN loss against central finite differences, variable by variable.
import * as tf from '@tensorflow/tfjs';

export interface RnnVars { Wx: tf.Variable; Wh: tf.Variable; b: tf.Variable; Wy: tf.Variable; }

export function maskedLoss(v: RnnVars, xs: tf.Tensor3D, mask: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  const [batch, time] = xs.shape;
  const units = v.Wh.shape[0];
  const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
  const masks = tf.unstack(mask, 1).map((m) => m.reshape([batch, 1]));
  let h: tf.Tensor2D = tf.zeros([batch, units]);
  for (let t = 0; t < time; t++) {
    const cand = tf.tanh(steps[t].matMul(v.Wx).add(h.matMul(v.Wh)).add(v.b)) as tf.Tensor2D;
    h = masks[t].mul(cand).add(tf.sub(1, masks[t]).mul(h)) as tf.Tensor2D;
  }
  const pred = h.matMul(v.Wy);
  return tf.losses.meanSquaredError(targets, pred) as tf.Scalar;
}

function numericGrad(f: () => number, variable: tf.Variable, eps: number): Float32Array {
  const base = variable.dataSync().slice();
  const grad = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const probe = base.slice();
    probe[i] = base[i] + eps;
    variable.assign(tf.tensor(probe, variable.shape));
    const up = f();
    probe[i] = base[i] - eps;
    variable.assign(tf.tensor(probe, variable.shape));
    const down = f();
    grad[i] = (up - down) / (2 * eps);
  }
  variable.assign(tf.tensor(base, variable.shape));
  return grad;
}

export function gradCheck(v: RnnVars, xs: tf.Tensor3D, mask: tf.Tensor2D, targets: tf.Tensor2D, eps = 1e-3) {
  const { grads } = tf.variableGrads(() => maskedLoss(v, xs, mask, targets));
  const lossValue = () => tf.tidy(() => maskedLoss(v, xs, mask, targets).dataSync()[0]);
  const report: Record<string, number> = {};
  for (const [name, variable] of Object.entries(v) as [keyof RnnVars, tf.Variable][]) {
    const analytic = grads[variable.name].dataSync();
    const numeric = numericGrad(lossValue, variable, eps);
    let worst = 0;
    analytic.forEach((a, i) => {
      const rel = Math.abs(a - numeric[i]) / Math.max(1e-6, Math.abs(a) + Math.abs(numeric[i]));
      worst = Math.max(worst, rel);
    });
    report[name] = worst;
  }
  tf.dispose(grads);
  return report;
}

export function main(): void {
  tf.setBackend('cpu');
  const units = 4;
  const v: RnnVars = {
    Wx: tf.variable(tf.randomNormal([2, units], 0, 0.5, 'float32', 1)),
    Wh: tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', 2)),
    b: tf.variable(tf.randomNormal([units], 0, 0.1, 'float32', 3)),
    Wy: tf.variable(tf.randomNormal([units, 1], 0, 0.5, 'float32', 4)),
  };
  const xs = tf.randomNormal([3, 5, 2], 0, 1, 'float32', 5) as tf.Tensor3D;
  const mask = tf.tensor2d([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 1, 0, 0, 0]]);
  const targets = tf.randomNormal([3, 1], 0, 1, 'float32', 6) as tf.Tensor2D;
  const report = gradCheck(v, xs, mask, targets);
  for (const [name, err] of Object.entries(report)) {
    console.log(`${name.padEnd(3)} max rel err ${err.toExponential(2)} ${err < 1e-2 ? 'OK' : 'MISMATCH'}`);
  }
}
