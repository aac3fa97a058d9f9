// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

const H = 12;
const kernel = tf.variable(tf.randomNormal([5, H], 0, 0.1));
const recurrent = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const head = tf.variable(tf.randomNormal([H, 3], 0, 0.1));
const opt = tf.train.rmsprop(0.01);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, kernel).add(tf.matMul(h, recurrent))) as tf.Tensor2D;
}

export function fitBatch(xs: tf.Tensor2D[], labels: tf.Tensor2D): void {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) h = step(x, h);
  const finalState = h.dataSync();
  opt.minimize(() => {
    const hT = tf.tensor2d(finalState, [1, H]);
    return tf.losses.softmaxCrossEntropy(labels, tf.matMul(hT, head)) as tf.Scalar;
  });
}
