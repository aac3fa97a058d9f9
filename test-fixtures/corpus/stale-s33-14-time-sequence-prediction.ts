// expect: stale-state
// Two stacked LSTM cells learning to continue sine waves, ported from PyTorch's time_sequence_prediction example.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

class LSTMCell {
  readonly W: tf.Variable;
  readonly U: tf.Variable;
  readonly b: tf.Variable;

  constructor(input_size: number, readonly hidden_size: number) {
    const k = 1 / Math.sqrt(hidden_size);
    this.W = tf.variable(tf.randomUniform([input_size, 4 * hidden_size], -k, k));
    this.U = tf.variable(tf.randomUniform([hidden_size, 4 * hidden_size], -k, k));
    this.b = tf.variable(tf.zeros([4 * hidden_size]));
  }

  forward(x: tf.Tensor2D, [h, c]: State): State {
    const gates = tf.matMul(x, this.W).add(tf.matMul(h, this.U)).add(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next)) as tf.Tensor2D;
    return [h_next, c_next];
  }
}

class Sequence {
  readonly lstm1 = new LSTMCell(1, 51);
  readonly lstm2 = new LSTMCell(51, 51);
  readonly linear_w = tf.variable(tf.randomUniform([51, 1], -0.14, 0.14));
  readonly linear_b = tf.variable(tf.zeros([1]));

  linear(x: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(x, this.linear_w).add(this.linear_b) as tf.Tensor2D;
  }

  // input: [batch, T] -> predictions [batch, T]
  forward(input: tf.Tensor2D): tf.Tensor2D {
    const batch = input.shape[0];
    const outputs: tf.Tensor2D[] = [];
    let h_t: tf.Tensor2D = tf.zeros([batch, 51]);
    let c_t: tf.Tensor2D = tf.zeros([batch, 51]);
    let h_t2: tf.Tensor2D = tf.zeros([batch, 51]);
    let c_t2: tf.Tensor2D = tf.zeros([batch, 51]);

    for (const input_t of tf.split(input, input.shape[1], 1) as tf.Tensor2D[]) {
      [h_t, c_t] = this.lstm1.forward(input_t, [h_t, c_t]);
      const [h2, c2] = this.lstm2.forward(h_t, [h_t2, c_t2]);
      outputs.push(this.linear(h2));
    }
    return tf.concat(outputs, 1) as tf.Tensor2D;
  }
}

// same recipe as generate_sine_wave.py: N waves of length L with random phase shifts
const T = 20;
const L = 100;
const N = 40;
const data = range(N).map(() => {
  const shift = Math.floor(Math.random() * 8 * T) - 4 * T;
  return range(L).map((i) => Math.sin((i + shift) / T));
});

const input = tf.tensor2d(data.slice(3).map((r) => r.slice(0, -1)));
const target = tf.tensor2d(data.slice(3).map((r) => r.slice(1)));
const test_input = tf.tensor2d(data.slice(0, 3).map((r) => r.slice(0, -1)));
const test_target = tf.tensor2d(data.slice(0, 3).map((r) => r.slice(1)));

const seq = new Sequence();
const optimizer = tf.train.adam(0.01);

for (const i of range(60)) {
  const loss = optimizer.minimize(
    () => tf.losses.meanSquaredError(target, seq.forward(input)) as tf.Scalar, true)!;
  if (i % 10 === 0) console.log('STEP:', i, 'loss:', loss.dataSync()[0]);
  loss.dispose();
}

const test_loss = tf.tidy(() => tf.losses.meanSquaredError(test_target, seq.forward(test_input)).dataSync()[0]);
console.log('test loss:', test_loss);
