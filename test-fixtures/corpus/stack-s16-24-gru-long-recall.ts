// expect: stacked-activation
// hand-written GRU on the "first token decides the label" task at several lengths (memory-span experiment)
import * as tf from '@tensorflow/tfjs';

const V = 5;
const H = 16;
const B = 32;

class GRUCell {
  W_r = tf.variable(tf.randomNormal([V, H], 0, 0.3));
  U_r = tf.variable(tf.randomNormal([H, H], 0, 0.3));
  b_r = tf.variable(tf.zeros([H]));
  W_z = tf.variable(tf.randomNormal([V, H], 0, 0.3));
  U_z = tf.variable(tf.randomNormal([H, H], 0, 0.3));
  b_z = tf.variable(tf.zeros([H]));
  W_n = tf.variable(tf.randomNormal([V, H], 0, 0.3));
  U_n = tf.variable(tf.randomNormal([H, H], 0, 0.3));
  b_n = tf.variable(tf.zeros([H]));
  W_y = tf.variable(tf.randomNormal([H, 2], 0, 0.3));
  b_y = tf.variable(tf.zeros([2]));

  // sigma(x W + h U + b)
  private gate(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor, U: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
    return tf.sigmoid(tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b));
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const r = this.gate(x, h, this.W_r, this.U_r, this.b_r);
    const z = tf.sigmoid(this.gate(x, h, this.W_z, this.U_z, this.b_z));
    const n = tf.tanh(tf.add(tf.add(tf.matMul(x, this.W_n), tf.matMul(tf.mul(r, h), this.U_n)), this.b_n));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  }

  logits(xs: tf.Tensor2D[]): tf.Tensor2D {
    let h: tf.Tensor2D = tf.zeros([xs[0].shape[0], H]);
    for (const x of xs) h = this.step(x, h);
    return tf.add(tf.matMul(h, this.W_y), this.b_y);
  }

  vars(): tf.Variable[] {
    return [this.W_r, this.U_r, this.b_r, this.W_z, this.U_z, this.b_z, this.W_n, this.U_n, this.b_n, this.W_y, this.b_y];
  }
}

// token 0/1 at t = 0 is the label, the rest is noise from tokens 2..4
function batch(T: number) {
  const labels = Array.from({ length: B }, () => (Math.random() < 0.5 ? 0 : 1));
  const xs = Array.from({ length: T }, (_, t) => tf.tidy(() =>
    tf.oneHot(tf.tensor1d(labels.map((l) => (t === 0 ? l : 2 + Math.floor(Math.random() * 3))), 'int32'), V).toFloat() as tf.Tensor2D));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat() as tf.Tensor2D);
  return { xs, y, labels };
}

function run_length(T: number, iters: number): number {
  const cell = new GRUCell();
  const opt = tf.train.adam(0.01);
  for (let it = 0; it < iters; it++) {
    const { xs, y } = batch(T);
    opt.minimize(() => tf.losses.softmaxCrossEntropy(y, cell.logits(xs)) as tf.Scalar, false, cell.vars());
    tf.dispose([xs, y]);
  }
  const { xs, y, labels } = batch(T);
  const pred = tf.tidy(() => tf.argMax(cell.logits(xs), 1).dataSync());
  tf.dispose([xs, y]);
  return labels.filter((l, i) => pred[i] === l).length / B;
}

const table: Record<string, number> = {};
for (const T of [5, 20, 40]) table[`T=${T}`] = run_length(T, 120);
console.table(table);
console.log('tensors', tf.memory().numTensors);
