// expect: returns-input-state
// Human-activity recognition from accelerometer windows using an LSTM cell ported from a PyTorch LSTMCell walkthrough.
import * as tf from '@tensorflow/tfjs';

type LSTMState = [tf.Tensor2D, tf.Tensor2D];

const CLASSES = ['walking', 'running', 'sitting'];
const WINDOW = 40;
const N_FEATURES = 3;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function tuple<T extends unknown[]>(...items: T): T {
  return items;
}

class LSTMCell {
  readonly weight_ih: tf.Variable;
  readonly weight_hh: tf.Variable;
  readonly bias: tf.Variable;

  constructor(readonly input_size: number, readonly hidden_size: number) {
    const k = 1 / Math.sqrt(hidden_size);
    this.weight_ih = tf.variable(tf.randomUniform([input_size, 4 * hidden_size], -k, k));
    this.weight_hh = tf.variable(tf.randomUniform([hidden_size, 4 * hidden_size], -k, k));
    this.bias = tf.variable(tf.zeros([4 * hidden_size]));
  }

  forward(input: tf.Tensor2D, hidden: LSTMState): [tf.Tensor2D, LSTMState] {
    const [hx, cx] = hidden;
    const gates = tf.matMul(input, this.weight_ih).add(tf.matMul(hx, this.weight_hh)).add(this.bias);
    const [ingate, forgetgate, cellgate, outgate] = tf.split(gates, 4, 1);

    const i = tf.sigmoid(ingate);
    const f = tf.sigmoid(forgetgate);
    const g = tf.tanh(cellgate);
    const o = tf.sigmoid(outgate);

    const cy = f.mul(cx).add(i.mul(g)) as tf.Tensor2D;
    const hy = o.mul(tf.tanh(cy)) as tf.Tensor2D;
    return [hy, tuple(hy, cx)];
  }
}

class ActivityLSTM {
  readonly cell: LSTMCell;
  readonly fc_w: tf.Variable;
  readonly fc_b: tf.Variable;

  constructor(readonly hidden_size: number) {
    this.cell = new LSTMCell(N_FEATURES, hidden_size);
    this.fc_w = tf.variable(tf.randomNormal([hidden_size, CLASSES.length], 0, 0.1));
    this.fc_b = tf.variable(tf.zeros([CLASSES.length]));
  }

  init_hidden(batch_size: number): LSTMState {
    return [tf.zeros([batch_size, this.hidden_size]), tf.zeros([batch_size, this.hidden_size])];
  }

  // x: [batch, time, features] -> logits [batch, n_classes]
  forward(x: tf.Tensor3D): tf.Tensor2D {
    const [batch_size, seq_len] = x.shape;
    let hidden = this.init_hidden(batch_size);
    let out = hidden[0];
    for (const t of range(seq_len)) {
      const x_t = x.slice([0, t, 0], [-1, 1, -1]).reshape([batch_size, N_FEATURES]) as tf.Tensor2D;
      [out, hidden] = this.cell.forward(x_t, hidden);
    }
    return tf.matMul(out, this.fc_w).add(this.fc_b) as tf.Tensor2D;
  }
}

function synth_window(label: number): number[][] {
  const freq = [1.5, 3.0, 0.2][label];
  const amp = [1.0, 2.2, 0.1][label];
  const phase = Math.random() * 2 * Math.PI;
  return range(WINDOW).map((t) =>
    range(N_FEATURES).map((axis) =>
      amp * Math.sin((2 * Math.PI * freq * t) / 20 + phase + axis) + 0.1 * (Math.random() - 0.5)));
}

function make_batch(batch_size: number): [tf.Tensor3D, tf.Tensor2D] {
  const labels = range(batch_size).map(() => Math.floor(Math.random() * CLASSES.length));
  const x = tf.tensor3d(labels.map((l) => synth_window(l)));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length).toFloat() as tf.Tensor2D);
  return [x, y];
}

const model = new ActivityLSTM(32);
const optimizer = tf.train.adam(0.005);
const n_epochs = 15;
const steps_per_epoch = 20;

for (const epoch of range(n_epochs)) {
  let running_loss = 0;
  for (const step of range(steps_per_epoch)) {
    const [xb, yb] = make_batch(32);
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(yb, model.forward(xb)) as tf.Scalar, true)!;
    running_loss += loss.dataSync()[0];
    tf.dispose([xb, yb, loss]);
  }
  console.log(`epoch ${epoch + 1}: loss ${(running_loss / steps_per_epoch).toFixed(4)}`);
}

const [x_test, y_test] = make_batch(200);
const acc = tf.tidy(() => model.forward(x_test).argMax(1).equal(y_test.argMax(1)).mean().dataSync()[0]);
console.log(`test accuracy: ${(acc * 100).toFixed(1)}%`);
tf.dispose([x_test, y_test]);
