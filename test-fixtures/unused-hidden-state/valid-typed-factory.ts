// Anonymous functions of declared types: a step that uses its state, and a scorer (no step type)
// whose second parameter is a threshold it may ignore.
import * as tf from '@tensorflow/tfjs';

export type StepFn = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;
export type Scorer = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

export function build(wIn: tf.Tensor2D, wRec: tf.Tensor2D): StepFn {
  return (x, h) => tf.tanh(tf.add(tf.matMul(x, wIn), tf.matMul(h, wRec))) as tf.Tensor2D;
}

export function scorer(w: tf.Tensor2D): Scorer {
  return (x, h) => {
    const unused = tf.matMul(h, w);
    return tf.sigmoid(tf.matMul(x, w)) as tf.Tensor2D;
  };
}
