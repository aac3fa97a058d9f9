// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const optimizer = tf.train.sgd(0.05);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export function trainOnSequence(xs: tf.Tensor2D[], target: tf.Tensor2D): number {
  const loss = optimizer.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const x of xs) {
      h = step(x, h);
    }
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo)) as tf.Scalar;
  }, true);
  return loss!.dataSync()[0];
}
