// expect: bptt-cut
// Fits a recurrent realised-volatility model on rolling windows of daily returns and logs the loss per epoch.
import * as tf from '@tensorflow/tfjs';

const H = 8;

export class VolModel {
  readonly wx = tf.variable(tf.randomNormal([1, H], 0, 0.5, 'float32', 31), true, 'vol_wx');
  readonly wh = tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', 32), true, 'vol_wh');
  readonly bh = tf.variable(tf.zeros([H]), true, 'vol_bh');
  readonly wo = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 33), true, 'vol_wo');
  readonly bo = tf.variable(tf.zeros([1]), true, 'vol_bo');

  /** Runs the recurrence over a batch of windows [batch, steps] and returns the last state. */
  encode(windows: tf.Tensor2D): tf.Tensor2D {
    const [batch, steps] = windows.shape;
    let h: tf.Tensor2D = tf.zeros([batch, H]);
    for (let t = 0; t < steps; t++) {
      const xt = windows.slice([0, t], [batch, 1]);
      h = tf.tanh(xt.matMul(this.wx).add(h.matMul(this.wh)).add(this.bh));
    }
    return h;
  }

  head(h: tf.Tensor2D): tf.Tensor2D {
    return tf.softplus(h.matMul(this.wo).add(this.bo));
  }

  predict(windows: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.head(this.encode(windows)));
  }
}

export function rollingWindows(returns: number[], len: number): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = len; i + 5 <= returns.length; i++) {
    x.push(returns.slice(i - len, i).map((r) => r * 100));
    const fwd = returns.slice(i, i + 5);
    y.push(Math.sqrt(fwd.reduce((a, r) => a + r * r, 0) / fwd.length) * 100);
  }
  return { x, y };
}

export async function train(model: VolModel, returns: number[], epochs = 20): Promise<number[]> {
  const { x, y } = rollingWindows(returns, 20);
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y, [y.length, 1]);
  const opt = tf.train.adam(0.02);
  const losses: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    const states = tf.tidy(() => model.encode(xs));
    const cost = opt.minimize(() => tf.losses.meanSquaredError(ys, model.head(states)) as tf.Scalar, true);
    losses.push((await cost!.data())[0]);
    cost!.dispose();
    states.dispose();
    if (epoch % 5 === 0) console.log(`epoch ${epoch} mse ${losses[losses.length - 1].toFixed(4)}`);
    await tf.nextFrame();
  }
  tf.dispose([xs, ys]);
  return losses;
}

export function garchLikeReturns(n: number): number[] {
  const out: number[] = [];
  let vol = 0.01;
  for (let i = 0; i < n; i++) {
    const shock = Math.sin(i * 12.9898) * 43758.5453;
    const z = (shock - Math.floor(shock) - 0.5) * 3.4;
    const r = vol * z;
    vol = Math.sqrt(0.000002 + 0.1 * r * r + 0.88 * vol * vol);
    out.push(r);
  }
  return out;
}

if (require.main === module) {
  const model = new VolModel();
  train(model, garchLikeReturns(400), 20).then((losses) => {
    console.log('first/last mse', losses[0].toFixed(4), losses[losses.length - 1].toFixed(4));
  });
}
