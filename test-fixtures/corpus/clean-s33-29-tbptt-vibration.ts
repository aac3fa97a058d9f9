// expect: none
// LSTM that tracks the amplitude envelope of long vibration traces (1,500 steps), trained with per-step losses.
import * as tf from '@tensorflow/tfjs';

type LSTMState = [tf.Tensor2D, tf.Tensor2D];

const SEQ_LEN = 1500;
const TBPTT_K = 50;
const HIDDEN = 32;
const BATCH = 16;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

class VibrationLSTM {
  readonly W = tf.variable(tf.randomNormal([1, 4 * HIDDEN], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([HIDDEN, 4 * HIDDEN], 0, 0.1));
  readonly b = tf.variable(tf.zeros([4 * HIDDEN]));
  readonly out_w = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));
  readonly out_b = tf.variable(tf.zeros([1]));

  init_states(batch_size: number): LSTMState {
    return [tf.zeros([batch_size, HIDDEN]), tf.zeros([batch_size, HIDDEN])];
  }

  forward(x_t: tf.Tensor2D, [h, c]: LSTMState): [tf.Tensor2D, LSTMState] {
    const gates = tf.matMul(x_t, this.W).add(tf.matMul(h, this.U)).add(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next)) as tf.Tensor2D;
    const y = tf.matMul(h_next, this.out_w).add(this.out_b) as tf.Tensor2D;
    return [y, [h_next, c_next]];
  }
}

// same values, no gradient history
function detach(t: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(t.arraySync() as number[][]);
}

// input: vibration signal; target: its decaying peak envelope
function make_batch(): [tf.Tensor2D[], tf.Tensor2D[]] {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (const b of range(BATCH)) {
    const freq = 0.05 + Math.random() * 0.2;
    let env = 0;
    const x_row: number[] = [];
    const y_row: number[] = [];
    for (const t of range(SEQ_LEN)) {
      const burst = Math.sin(t / 200 + b) > 0.6 ? 1 : 0.2;
      const v = burst * Math.sin(freq * t) + 0.05 * (Math.random() - 0.5);
      env = Math.max(Math.abs(v), 0.98 * env);
      x_row.push(v);
      y_row.push(env);
    }
    xs.push(x_row);
    ys.push(y_row);
  }
  return tf.tidy(() => {
    const to_steps = (rows: number[][]) =>
      tf.unstack(tf.tensor2d(rows), 1).map((col) => col.expandDims(1) as tf.Tensor2D);
    return [to_steps(xs), to_steps(ys)] as [tf.Tensor2D[], tf.Tensor2D[]];
  });
}

const model = new VibrationLSTM();
const optimizer: tf.Optimizer = tf.train.adam(0.003);

for (const epoch of range(20)) {
  const [x_steps, y_steps] = make_batch();
  const { value, grads } = tf.variableGrads(() => {
    let state = model.init_states(BATCH);
    let loss: tf.Tensor = tf.scalar(0);
    for (const t of range(SEQ_LEN)) {
      if (t > 0 && t % TBPTT_K === 0) {
        // Truncated BPTT on purpose: the state value is carried across the cut,
        // but gradients only flow back TBPTT_K steps. Over 1,500 steps full BPTT
        // makes the recurrent gradients blow up, and the envelope (decay 0.98,
        // ~1/e after 50 steps) only needs about TBPTT_K steps of memory.
        state = [detach(state[0]), detach(state[1])];
      }
      const [y_hat, next_state] = model.forward(x_steps[t], state);
      state = next_state;
      loss = loss.add(tf.losses.meanSquaredError(y_steps[t], y_hat));
    }
    return loss.div(SEQ_LEN) as tf.Scalar;
  });
  optimizer.applyGradients(grads);
  console.log(`epoch ${epoch + 1}: mse ${value.dataSync()[0].toFixed(5)}`);
  tf.dispose([value, grads, x_steps, y_steps]);
}
