// Look-alike: the read-back helper is applied to the step's result only every K steps (truncated
// BPTT on purpose), and after each chunk unrolled by a helper: the steps in between keep their gradient.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.1));
const K = 16;

const detach = <T extends tf.Tensor>(t: T): T => tf.tensor(t.dataSync(), t.shape, t.dtype) as T;

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

function runChunk(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  let h = h0;
  for (const x of xs) h = cell(x, h);
  return h;
}

function loss(xs: tf.Tensor2D[], y: tf.Tensor2D): tf.Scalar {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (let t = 0; t < xs.length; t++) {
    h = (t + 1) % K === 0 ? detach(cell(xs[t]!, h)) : cell(xs[t]!, h);
  }
  return tf.losses.meanSquaredError(y, tf.matMul(h, Wo));
}

function chunkedLoss(xs: tf.Tensor2D[], y: tf.Tensor2D): tf.Scalar {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (let t = 0; t < xs.length; t += K) {
    h = detach(runChunk(xs.slice(t, t + K), h));
  }
  return tf.losses.meanSquaredError(y, tf.matMul(h, Wo));
}

export function train(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  const a = tf.variableGrads(() => loss(xs, y));
  const b = tf.variableGrads(() => chunkedLoss(xs, y));
  tf.dispose([...Object.values(a.grads), ...Object.values(b.grads)]);
}
