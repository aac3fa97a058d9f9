// expect: unused-hidden-state
// Hand-ported Keras custom-cell API (MinimalRNNCell + RNN wrapper) trained to track the running mean of a noisy signal.
import * as tf from '@tensorflow/tfjs';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

abstract class Cell {
  abstract readonly state_size: number;
  abstract call(inputs: tf.Tensor2D, states: tf.Tensor2D[]): [tf.Tensor2D, tf.Tensor2D[]];
  abstract trainable_weights(): tf.Variable[];

  get_initial_state(batch_size: number): tf.Tensor2D[] {
    return [tf.zeros([batch_size, this.state_size])];
  }
}

class MinimalRNNCell extends Cell {
  readonly state_size: number;
  readonly kernel: tf.Variable;
  readonly recurrent_kernel: tf.Variable;

  constructor(readonly units: number, input_dim: number) {
    super();
    this.state_size = units;
    this.kernel = tf.variable(tf.randomUniform([input_dim, units], -0.3, 0.3));
    this.recurrent_kernel = tf.variable(tf.randomUniform([units, units], -0.3, 0.3));
  }

  call(inputs: tf.Tensor2D, states: tf.Tensor2D[]): [tf.Tensor2D, tf.Tensor2D[]] {
    const prev_output = states[0];
    const h = tf.matMul(inputs, this.kernel);
    const output = tf.tanh(h.add(tf.matMul(h, this.recurrent_kernel))) as tf.Tensor2D;
    return [output, [output]];
  }

  trainable_weights(): tf.Variable[] {
    return [this.kernel, this.recurrent_kernel];
  }
}

class RNN {
  constructor(readonly cell: Cell, readonly return_sequences = false) {}

  apply(x: tf.Tensor3D, initial_state?: tf.Tensor2D[]): tf.Tensor {
    const [batch_size, timesteps, input_dim] = x.shape;
    let states = initial_state ?? this.cell.get_initial_state(batch_size);
    const outputs: tf.Tensor2D[] = [];
    for (const t of range(timesteps)) {
      const x_t = x.slice([0, t, 0], [batch_size, 1, input_dim]).reshape([batch_size, input_dim]) as tf.Tensor2D;
      const [output, new_states] = this.cell.call(x_t, states);
      outputs.push(output);
      states = new_states;
    }
    return this.return_sequences ? tf.stack(outputs, 1) : outputs[outputs.length - 1];
  }
}

const units = 32;
const timesteps = 30;
const cell = new MinimalRNNCell(units, 1);
const layer = new RNN(cell, true);
const W_out = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
const b_out = tf.variable(tf.zeros([1]));

// [batch, time, 1] -> [batch, time]
function model(x: tf.Tensor3D): tf.Tensor2D {
  const seq = layer.apply(x) as tf.Tensor3D;
  const [b, T] = seq.shape;
  return tf.matMul(seq.reshape([b * T, units]), W_out).add(b_out).reshape([b, T]) as tf.Tensor2D;
}

function make_batch(batch_size: number): [tf.Tensor3D, tf.Tensor2D] {
  const xs = range(batch_size).map(() => range(timesteps).map(() => Math.random() * 2 - 1));
  const ys = xs.map((row) => {
    let acc = 0;
    return row.map((v, t) => (acc += v) / (t + 1));
  });
  return [tf.tensor3d(xs.map((row) => row.map((v) => [v]))), tf.tensor2d(ys)];
}

const optimizer = tf.train.rmsprop(0.005);
const var_list = [...cell.trainable_weights(), W_out, b_out];

for (const epoch of range(200)) {
  const [x, y] = make_batch(64);
  const cost = optimizer.minimize(() => tf.losses.meanSquaredError(y, model(x)) as tf.Scalar, true, var_list)!;
  if (epoch % 20 === 0) console.log(`epoch ${epoch}: mse=${cost.dataSync()[0].toFixed(5)}`);
  tf.dispose([x, y, cost]);
}

const [x_test, y_test] = make_batch(4);
tf.tidy(() => {
  const pred = model(x_test);
  console.log('target (last step):', Array.from(y_test.slice([0, timesteps - 1], [4, 1]).dataSync()));
  console.log('pred   (last step):', Array.from(pred.slice([0, timesteps - 1], [4, 1]).dataSync()));
});
tf.dispose([x_test, y_test]);
