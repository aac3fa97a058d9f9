// expect: none
// State in a tf.Variable, updated with assign() inside tidy (variables survive tidy), reset per patient.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([9, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wr = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const h = tf.variable(tf.zeros([1, H]), false);

export function riskScores(patients: { visits: tf.Tensor2D[] }[]): number[] {
  const scores: number[] = [];
  for (const patient of patients) {
    h.assign(tf.zeros([1, H]));
    for (const visit of patient.visits) {
      tf.tidy(() => h.assign(tf.tanh(tf.matMul(visit, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D));
    }
    scores.push(tf.sigmoid(tf.matMul(h, Wr)).dataSync()[0]);
  }
  return scores;
}
