// Look-alikes: a Set's `add` on a typed parameter, and a tensor op whose result is kept.
import * as tf from '@tensorflow/tfjs';

export class TrackedCell {
  readonly kernel = tf.variable(tf.randomNormal([4, 8]));
  readonly recurrentKernel = tf.variable(tf.randomNormal([8, 8]));

  forward(x: tf.Tensor2D, h: tf.Tensor2D, seen: Set<tf.Tensor>): tf.Tensor2D {
    seen.add(h);
    let pre = x.matMul(this.kernel);
    pre = pre.add(h.matMul(this.recurrentKernel));
    return tf.tanh(pre) as tf.Tensor2D;
  }
}

export function run(cell: TrackedCell, xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  const seen = new Set<tf.Tensor>();
  for (const x of xs) h = cell.forward(x, h, seen);
  return h;
}
