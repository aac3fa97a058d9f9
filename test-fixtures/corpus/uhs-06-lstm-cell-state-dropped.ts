// expect: unused-hidden-state
// LSTM step: c_prev is taken in but the new cell state is built without the forget path.
import * as tf from '@tensorflow/tfjs';

const H = 20;
const Wx = tf.variable(tf.randomNormal([10, 4 * H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.1));
const b = tf.variable(tf.zeros([4 * H]));

export function lstmStep(
  x: tf.Tensor2D,
  hPrev: tf.Tensor2D,
  cPrev: tf.Tensor2D,
): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => {
    const gates = tf.matMul(x, Wx).add(tf.matMul(hPrev, Wh)).add(b) as tf.Tensor2D;
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const inputGate = tf.sigmoid(i);
    const forgetGate = tf.sigmoid(f);
    const candidate = tf.tanh(g);
    const outputGate = tf.sigmoid(o);
    const c = inputGate.mul(candidate) as tf.Tensor2D;
    const h = outputGate.mul(tf.tanh(c)) as tf.Tensor2D;
    return [h, c];
  });
}

export function runLstm(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  let c: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) {
    [h, c] = lstmStep(x, h, c);
  }
  return h;
}
