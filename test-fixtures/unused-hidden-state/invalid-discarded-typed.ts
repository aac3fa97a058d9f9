// Elman cells whose recurrent term is added to a tensor built from a typed parameter, and dropped.
import * as tf from '@tensorflow/tfjs';

export class ElmanCell {
  readonly kernel = tf.variable(tf.randomNormal([4, 8]));
  readonly recurrentKernel = tf.variable(tf.randomNormal([8, 8]));
  readonly bias = tf.variable(tf.zeros([8]));

  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const pre = x.matMul(this.kernel).add(this.bias);
      pre.add(h.matMul(this.recurrentKernel));
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ unused-hidden-state
      return tf.tanh(pre) as tf.Tensor2D;
    });
  }
}

export function run(cell: ElmanCell, xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (const x of xs) h = cell.forward(x, h);
  return h;
}
