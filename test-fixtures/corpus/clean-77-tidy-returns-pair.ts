// expect: none
import * as tf from '@tensorflow/tfjs';

function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, W: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.matMul(tf.concat([x, h], 1), W) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c2 = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  return [tf.sigmoid(o).mul(tf.tanh(c2)) as tf.Tensor2D, c2];
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D, units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  let c = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) {
    const old = [h, c];
    [h, c] = tf.tidy(() => lstmStep(x, h, c, W));
    tf.dispose(old);
  }
  return h;
}
