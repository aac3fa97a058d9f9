// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const candidate = tf.layers.dense({ units: 16, activation: 'tanh' });
const gate = tf.layers.dense({ units: 16, activation: 'sigmoid' });

export const gruLikeStep = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => {
  const xh = tf.concat([x, h], 1);
  const z = gate.apply(xh) as tf.Tensor2D;
  const n = tf.elu(candidate.apply(xh) as tf.Tensor2D);
  return tf.sub(1, z).mul(h).add(z.mul(n)) as tf.Tensor2D;
};
