// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 32;
const Wx = tf.variable(tf.randomNormal([40, H], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.05));
const head = tf.layers.dense({ units: 10, activation: 'softmax' });

function step(frame: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(frame, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export function classifyUtterances(utterances: tf.Tensor2D[][]): number[] {
  const labels: number[] = [];
  for (const utterance of utterances) {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const frame of utterance) {
      h = step(frame, h);
    }
    const probs = head.apply(h) as tf.Tensor2D;
    labels.push(probs.argMax(1).dataSync()[0]);
  }
  return labels;
}
