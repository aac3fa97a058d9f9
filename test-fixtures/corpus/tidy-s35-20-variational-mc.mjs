// expect: tidy-disposed-state
// Variational-dropout LSTM (Gal & Ghahramani, 2016) regressor with Monte Carlo dropout for predictive uncertainty.
import * as tf from '@tensorflow/tfjs';

class VariationalLSTM {
  constructor(inDim, units, pIn = 0.25, pRec = 0.25) {
    Object.assign(this, { inDim, units, pIn, pRec });
    this.W = tf.variable(tf.randomNormal([inDim, 4 * units], 0, 1 / Math.sqrt(inDim)));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 1 / Math.sqrt(units)));
    this.b = tf.variable(tf.zeros([4 * units]));
  }

  // one mask per sequence, shared by every time step
  sampleMasks(batch) {
    const m = (shape, p) => tf.div(tf.cast(tf.greater(tf.randomUniform(shape), p), 'float32'), 1 - p);
    return { x: m([batch, this.inDim], this.pIn), h: m([batch, this.units], this.pRec) };
  }

  zeroState(batch) {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  step(x, { h, c }, masks) {
    const z = tf.add(
      tf.add(tf.matMul(tf.mul(x, masks.x), this.W), tf.matMul(tf.mul(h, masks.h), this.U)),
      this.b,
    );
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    return { h: tf.mul(tf.sigmoid(o), tf.tanh(cNew)), c: cNew };
  }
}

const IN = 3;
const lstm = new VariationalLSTM(IN, 64);
const head = { W: tf.variable(tf.randomNormal([64, 1], 0, 0.05)), b: tf.variable(tf.zeros([1])) };
const regress = (h) => tf.add(tf.matMul(h, head.W), head.b);

function run(steps, batch) {
  const masks = lstm.sampleMasks(batch);
  let s = lstm.zeroState(batch);
  for (const xt of steps) s = lstm.step(xt, s, masks);
  return s;
}

export async function fit(xs, ys, iterations = 300) {
  const optimizer = tf.train.adam(1e-3);
  const steps = tf.unstack(xs, 1);
  for (let it = 0; it < iterations; it++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, regress(run(steps, xs.shape[0]).h)), true);
    if (it % 50 === 0) console.log(`iter ${it}  mse ${(await loss.data())[0].toFixed(4)}`);
    loss.dispose();
  }
  tf.dispose(steps);
}

// Keep dropout on at test time and average over stochastic passes.
export function mcPredict(xs, passes = 30) {
  const steps = tf.unstack(xs, 1);
  const preds = [];
  for (let k = 0; k < passes; k++) {
    let final;
    tf.tidy(() => {
      final = run(steps, xs.shape[0]);
    });
    preds.push(regress(final.h));
  }
  const stacked = tf.stack(preds);
  const { mean, variance } = tf.moments(stacked, 0);
  const result = { mean: mean.dataSync(), std: Array.from(variance.dataSync(), Math.sqrt) };
  tf.dispose([steps, preds, stacked, mean, variance]);
  return result;
}

// Windows of three noisy sensors; the target is the mean of the first channel over the window.
const N = 256, T = 30;
const raw = Array.from({ length: N }, () => Array.from({ length: T }, () => [Math.random(), Math.random(), Math.random()]));
const xs = tf.tensor3d(raw);
const ys = tf.tensor2d(raw.map((w) => [w.reduce((s, r) => s + r[0], 0) / T]));
await fit(xs, ys);
const { mean, std } = mcPredict(xs.slice([0, 0, 0], [4, T, IN]));
mean.forEach((m, i) => console.log(`sample ${i}: ${m.toFixed(3)} ± ${std[i].toFixed(3)}`));
