// The top level of this file writes a file and then loops forever. Probing the cell must do neither.
import * as tf from '@tensorflow/tfjs';
import * as fs from 'node:fs';

const OUT = process.env.RNNLINT_SIDE_EFFECT_FILE ?? '/tmp/rnnlint-side-effect.txt';
fs.writeFileSync(OUT, 'the top level ran');

const W = tf.variable(tf.randomNormal([4, 8], 0, 0.5));
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.5));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D);
}

let h: tf.Tensor2D = tf.zeros([1, 8]);
for (;;) {
  h = step(tf.randomNormal([1, 4]), h);
}
