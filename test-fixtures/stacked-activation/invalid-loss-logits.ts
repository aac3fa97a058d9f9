// A GRU encoder with a classification head, trained in a custom loop.
import * as tf from '@tensorflow/tfjs';

const head = tf.layers.dense({ units: 1 });
const classes = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [8], activation: 'softmax' })] });

export function binaryLoss(state: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar {
  const probs = tf.sigmoid(head.apply(state) as tf.Tensor);
  return tf.losses.sigmoidCrossEntropy(ys, probs) as tf.Scalar;
  //                                       ~~~~~ stacked-activation
}

export function classLoss(state: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(labels, classes.apply(state) as tf.Tensor) as tf.Scalar;
  //                                           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}
