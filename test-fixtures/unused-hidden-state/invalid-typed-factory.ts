// A builder returns its step as an anonymous function of the library's step type: the recurrent
// term is computed and dropped (tensor ops return new tensors).
import * as tf from '@tensorflow/tfjs';

export type StepFn = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

export class ElmanBuilder {
  constructor(private readonly wIn: tf.Tensor2D, private readonly wRec: tf.Tensor2D) {}

  build(): StepFn {
    const { wIn, wRec } = this;
    return (x, h) => {
//             ~ unused-hidden-state
      const pre = tf.matMul(x, wIn);
      const recurrent = tf.matMul(h, wRec);
      return tf.tanh(pre) as tf.Tensor2D;
    };
  }
}
