// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export const readout = (h: tf.Tensor2D, V: tf.Tensor2D): tf.Tensor2D => tf.sigmoid(tf.sigmoid(tf.matMul(h, V)));
