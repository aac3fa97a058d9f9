// expect: none
// Padded-batch encoder: a masked Elman step where padded positions carry the previous state through, and a fixed recurrent dropout mask (variational dropout) is intentionally passed unchanged at every step while `h` is fed back.
import * as tf from '@tensorflow/tfjs';

export interface EncoderWeights {
  W: tf.Tensor2D;
  U: tf.Tensor2D;
  b: tf.Tensor1D;
}

export function maskedStep(
  w: EncoderWeights,
  x: tf.Tensor2D,
  hPrev: tf.Tensor2D,
  dropMask: tf.Tensor2D,
  stepMask: tf.Tensor2D, // [batch, 1], 1 = real token, 0 = padding
): tf.Tensor2D {
  return tf.tidy(() => {
    const hDropped = tf.mul(hPrev, dropMask);
    const hNew = tf.tanh(tf.add(tf.add(tf.matMul(x, w.W), tf.matMul(hDropped as tf.Tensor2D, w.U)), w.b));
    return tf.add(tf.mul(stepMask, hNew), tf.mul(tf.sub(1, stepMask), hPrev)) as tf.Tensor2D;
  });
}

export function encodePadded(w: EncoderWeights, xs: tf.Tensor3D, lengths: number[], keepProb = 0.8, training = true): tf.Tensor2D {
  const [batch, time] = xs.shape;
  const units = w.U.shape[0];
  const dropMask = training
    ? (tf.div(tf.cast(tf.less(tf.randomUniform([batch, units]), keepProb), 'float32'), keepProb) as tf.Tensor2D)
    : (tf.ones([batch, units]) as tf.Tensor2D);
  const frames = tf.unstack(xs, 1) as tf.Tensor2D[];
  let h = tf.zeros([batch, units]) as tf.Tensor2D;
  for (let t = 0; t < time; t++) {
    const m = tf.tensor2d(lengths.map((len) => [t < len ? 1 : 0]));
    const next = maskedStep(w, frames[t], h, dropMask, m);
    tf.dispose([h, m]);
    h = next;
  }
  tf.dispose([dropMask, ...frames]);
  return h;
}
