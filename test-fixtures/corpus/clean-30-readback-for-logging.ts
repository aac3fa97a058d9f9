// expect: none
// Values are read back to JS only for logging; nothing read back is turned into a tensor again.
import * as tf from '@tensorflow/tfjs';

const H = 12;
const kernel = tf.variable(tf.randomNormal([5, H], 0, 0.1));
const recurrent = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const head = tf.variable(tf.randomNormal([H, 3], 0, 0.1));
const opt = tf.train.rmsprop(0.01);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, kernel).add(tf.matMul(h, recurrent))) as tf.Tensor2D;
}

export function fitBatch(xs: tf.Tensor2D[], labels: tf.Tensor2D): number[] {
  const norms: number[] = [];
  opt.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const x of xs) {
      h = step(x, h);
      norms.push(tf.norm(h).dataSync()[0]);
    }
    return tf.losses.softmaxCrossEntropy(labels, tf.matMul(h, head)) as tf.Scalar;
  });
  return norms;
}
