// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export class Recurrent {
  private readonly inp = tf.layers.dense({ units: 12 });
  private readonly rec = tf.layers.dense({ units: 12, useBias: false });

  step = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => tf.tanh(this.inp.apply(x) as tf.Tensor2D) as tf.Tensor2D;

  run(xs: tf.Tensor2D[]): tf.Tensor2D {
    let h = tf.zeros([1, 12]) as tf.Tensor2D;
    for (const x of xs) h = this.step(x, h);
    return h;
  }
}
