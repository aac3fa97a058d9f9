// expect: tidy-disposed-state
// Autoregressive 24-hour forecast of web traffic with an LSTM: warm up on history, then roll forward hour by hour.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];

const HIDDEN = 24;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

class TrafficLSTM {
  readonly W = tf.variable(tf.randomNormal([2, 4 * HIDDEN], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([HIDDEN, 4 * HIDDEN], 0, 0.1));
  readonly b = tf.variable(tf.zeros([4 * HIDDEN]));
  readonly head_w = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));
  readonly head_b = tf.variable(tf.zeros([1]));

  init_states(): State {
    return [tf.zeros([1, HIDDEN]), tf.zeros([1, HIDDEN])];
  }

  forward(x: tf.Tensor2D, [h, c]: State): [tf.Tensor2D, State] {
    const gates = tf.matMul(x, this.W).add(tf.matMul(h, this.U)).add(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next)) as tf.Tensor2D;
    const y = tf.matMul(h_next, this.head_w).add(this.head_b) as tf.Tensor2D;
    return [y, [h_next, c_next]];
  }
}

// input features: normalised request count and hour-of-day phase
const features = (value: number, hour: number): tf.Tensor2D =>
  tf.tensor2d([[value, Math.sin((2 * Math.PI * hour) / 24)]]);

function normalizer(history: number[]) {
  const mean = history.reduce((a, b) => a + b, 0) / history.length;
  const scale = Math.max(...history.map((v) => Math.abs(v - mean))) || 1;
  return { norm: (v: number) => (v - mean) / scale, denorm: (v: number) => v * scale + mean };
}

function train(model: TrafficLSTM, series: number[], epochs: number): void {
  const optimizer = tf.train.adam(0.01);
  const { norm } = normalizer(series);
  for (const epoch of range(epochs)) {
    const loss = optimizer.minimize(() => {
      let s = model.init_states();
      let total: tf.Tensor = tf.scalar(0);
      for (const t of range(series.length - 1)) {
        const [y, next] = model.forward(features(norm(series[t]), t % 24), s);
        s = next;
        total = total.add(tf.squaredDifference(y, norm(series[t + 1])).mean());
      }
      return total.div(series.length - 1) as tf.Scalar;
    }, true)!;
    if (epoch % 10 === 0) console.log(`epoch ${epoch}: mse ${loss.dataSync()[0].toFixed(4)}`);
    loss.dispose();
  }
}

function forecast(model: TrafficLSTM, history: number[], horizon: number): number[] {
  const { norm, denorm } = normalizer(history);

  let state: State = tf.tidy(() => {
    let s = model.init_states();
    for (const t of range(history.length - 1)) {
      [, s] = model.forward(features(norm(history[t]), t % 24), s);
    }
    return s;
  });

  const preds: number[] = [];
  let last_value = norm(history[history.length - 1]);
  for (const step of range(horizon)) {
    const hour = (history.length - 1 + step) % 24;
    tf.tidy(() => {
      const [y, next_state] = model.forward(features(last_value, hour), state);
      state = next_state;
      last_value = y.dataSync()[0];
    });
    preds.push(denorm(last_value));
  }
  tf.dispose(state);
  return preds;
}

const traffic = range(24 * 14).map((t) =>
  1000 + 600 * Math.sin((2 * Math.PI * ((t % 24) - 8)) / 24) + 80 * (Math.random() - 0.5));

const model = new TrafficLSTM();
train(model, traffic.slice(-72), 50);
const next_day = forecast(model, traffic, 24);
console.log('next 24h:', next_day.map((v) => Math.round(v)).join(', '));
