// expect: none
import * as tf from '@tensorflow/tfjs';

export function highwayStep(x: tf.Tensor2D, h: tf.Tensor2D, Wt: tf.Tensor2D, Wh: tf.Tensor2D): tf.Tensor2D {
  const xh = tf.concat([x, h], 1);
  const t = tf.sigmoid(tf.matMul(xh, Wt));
  const candidate = tf.relu(tf.matMul(xh, Wh));
  return t.mul(candidate).add(tf.sub(1, t).mul(h)) as tf.Tensor2D;
}
