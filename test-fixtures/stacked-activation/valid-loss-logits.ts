// Losses given what they expect: logits to the cross-entropies that apply their own activation,
// probabilities to the ones that do not.
import * as tf from '@tensorflow/tfjs';

const head = tf.layers.dense({ units: 1 });
const logitsModel = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [8] })] });

export function binaryLoss(state: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar {
  const logits = head.apply(state) as tf.Tensor;
  return tf.losses.sigmoidCrossEntropy(ys, logits) as tf.Scalar;
}

export function probabilityLoss(state: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar {
  const probs = tf.sigmoid(head.apply(state) as tf.Tensor);
  return tf.losses.logLoss(ys, probs) as tf.Scalar;
}

export function classLoss(state: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(labels, logitsModel.apply(state) as tf.Tensor) as tf.Scalar;
}

export function smoothedLoss(state: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  // Soft targets made with a softmax are labels, not logits.
  const soft = tf.softmax(labels.mul(5));
  return tf.losses.softmaxCrossEntropy(soft, logitsModel.apply(state) as tf.Tensor) as tf.Scalar;
}
