// Example: a correct Elman (SimpleRNN) step over top-level weights, and a loop that uses it.
// `rnnlint probe examples/simple-rnn.ts` runs only `rnnStep` (and the weights it needs), never the
// training loop at the bottom.
import * as tf from '@tensorflow/tfjs';

const INPUT_SIZE = 10;
const UNITS = 20;
const Wx = tf.variable(tf.randomNormal([INPUT_SIZE, UNITS], 0, 0.3));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2));
const b = tf.variable(tf.zeros([UNITS]));

export function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b)) as tf.Tensor2D);
}

export function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([xs[0].shape[0], UNITS]);
  for (const x of xs) {
    const next = rnnStep(x, h);
    h.dispose();
    h = next;
  }
  return h;
}

// A top-level run: the probe never executes this.
const sequence = Array.from({ length: 5 }, () => tf.randomNormal([1, INPUT_SIZE]) as tf.Tensor2D);
encode(sequence).print();
