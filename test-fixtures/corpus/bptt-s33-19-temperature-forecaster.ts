// expect: bptt-cut
// Next-day temperature forecaster: LSTM over a 30-day window with a linear read-out, trained in a PyTorch-style epoch loop.
import * as tf from '@tensorflow/tfjs';

type Hidden = [tf.Tensor2D, tf.Tensor2D];

const WINDOW = 30;
const HIDDEN = 32;
const BATCH = 32;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

class TempForecaster {
  training = true;
  readonly W = tf.variable(tf.randomNormal([1, 4 * HIDDEN], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([HIDDEN, 4 * HIDDEN], 0, 0.1));
  readonly b = tf.variable(tf.zeros([4 * HIDDEN]));
  readonly fc_w = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));
  readonly fc_b = tf.variable(tf.zeros([1]));

  train(): void { this.training = true; }
  eval(): void { this.training = false; }

  init_hidden(bsz: number): Hidden {
    return [tf.zeros([bsz, HIDDEN]), tf.zeros([bsz, HIDDEN])];
  }

  forward(x: tf.Tensor3D, hidden: Hidden): [tf.Tensor2D, Hidden] {
    let [h, c] = hidden;
    for (const x_t of tf.unstack(x, 1) as tf.Tensor2D[]) {
      const gates = tf.matMul(x_t, this.W).add(tf.matMul(h, this.U)).add(this.b);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    }
    const out = this.training ? (tf.dropout(h, 0.2) as tf.Tensor2D) : h;
    return [out, [h, c]];
  }

  fc(features: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(features, this.fc_w).add(this.fc_b) as tf.Tensor2D;
  }
}

const criterion = (pred: tf.Tensor, target: tf.Tensor): tf.Scalar =>
  tf.losses.meanSquaredError(target, pred) as tf.Scalar;

function daily_temperatures(n_days: number): number[] {
  return range(n_days).map((d) => 12 + 9 * Math.sin((2 * Math.PI * d) / 365) + 2.5 * (Math.random() - 0.5));
}

const normalize = (v: number): number => (v - 12) / 9;

function* batches(series: number[], batch_size: number): Generator<[tf.Tensor3D, tf.Tensor2D]> {
  const starts = range(series.length - WINDOW).sort(() => Math.random() - 0.5);
  for (let i = 0; i + batch_size <= starts.length; i += batch_size) {
    const idx = starts.slice(i, i + batch_size);
    const xs = idx.map((s) => series.slice(s, s + WINDOW).map((v) => [normalize(v)]));
    const ys = idx.map((s) => [normalize(series[s + WINDOW])]);
    yield [tf.tensor3d(xs), tf.tensor2d(ys)];
  }
}

const model = new TempForecaster();
const optimizer = tf.train.adam(0.003);
const series = daily_temperatures(3 * 365);

for (const epoch of range(10)) {
  model.train();
  let epoch_loss = 0;
  let n_batches = 0;
  for (const [xb, yb] of batches(series, BATCH)) {
    const hidden = model.init_hidden(BATCH);
    const [output] = model.forward(xb, hidden);
    const loss = optimizer.minimize(() => criterion(model.fc(output), yb), true)!;
    epoch_loss += loss.dataSync()[0];
    n_batches += 1;
    tf.dispose([xb, yb, output, loss, hidden]);
  }
  console.log(`epoch ${epoch + 1}: train mse ${(epoch_loss / n_batches).toFixed(4)}`);
}

model.eval();
const last_window = series.slice(-WINDOW).map((v) => [normalize(v)]);
const tomorrow = tf.tidy(() => {
  const [features] = model.forward(tf.tensor3d([last_window]), model.init_hidden(1));
  return model.fc(features).dataSync()[0] * 9 + 12;
});
console.log(`forecast for tomorrow: ${tomorrow.toFixed(1)} C`);
