// expect: bptt-cut
// "Train forecaster" panel: fits a small ReLU RNN to the visitor-count series shown in the dashboard chart.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const H = 12;
const STATE_LIMIT = 4;

export interface Forecaster {
  Wx: tf.Variable; Wh: tf.Variable; bh: tf.Variable;
  Wy: tf.Variable; by: tf.Variable;
}

export function createForecaster(seed = 21): Forecaster {
  return {
    Wx: tf.variable(tf.randomNormal([1, H], 0, 0.3, 'float32', seed), true, 'Wx'),
    Wh: tf.variable(tf.eye(H).mul(0.5), true, 'Wh'),
    bh: tf.variable(tf.zeros([H]), true, 'bh'),
    Wy: tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', seed + 1), true, 'Wy'),
    by: tf.variable(tf.zeros([1]), true, 'by'),
  };
}

function clampState(h: tf.Tensor2D): tf.Tensor2D {
  const rows = h.arraySync().map((row) => row.map((v) => Math.min(STATE_LIMIT, v)));
  return tf.tensor2d(rows);
}

function rnnStep(m: Forecaster, x: number, h: tf.Tensor2D): tf.Tensor2D {
  const xt = tf.tensor2d([[x]]);
  return tf.relu(xt.matMul(m.Wx).add(h.matMul(m.Wh)).add(m.bh)) as tf.Tensor2D;
}

export function sequenceLoss(m: Forecaster, series: number[]): tf.Scalar {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  let loss = tf.scalar(0);
  for (let t = 0; t + 1 < series.length; t++) {
    h = clampState(rnnStep(m, series[t], h));
    const pred = h.matMul(m.Wy).add(m.by);
    loss = loss.add(tf.squaredDifference(pred, tf.scalar(series[t + 1])).mean());
  }
  return loss.div(series.length - 1) as tf.Scalar;
}

export async function train(m: Forecaster, series: number[], epochs: number,
                            onEpoch: (epoch: number, loss: number) => void): Promise<number> {
  const optimizer = tf.train.adam(0.01);
  let last = NaN;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => sequenceLoss(m, series), true);
    last = (await cost!.data())[0];
    cost!.dispose();
    onEpoch(epoch, last);
    await tf.nextFrame();
  }
  optimizer.dispose();
  return last;
}

function normalise(values: number[]): number[] {
  const max = Math.max(...values, 1);
  return values.map((v) => v / max);
}

export function mountTrainerPanel(root: HTMLElement, getSeries: () => number[]): void {
  const button = root.querySelector('button.train') as HTMLButtonElement;
  const status = root.querySelector('.status') as HTMLElement;
  const model = createForecaster();
  button.addEventListener('click', async () => {
    button.disabled = true;
    const series = normalise(getSeries());
    const final = await train(model, series, 30, (epoch, loss) => {
      status.textContent = `epoch ${epoch + 1}/30 · loss ${loss.toFixed(4)}`;
    });
    status.textContent = `done · loss ${final.toFixed(4)}`;
    button.disabled = false;
  });
}
