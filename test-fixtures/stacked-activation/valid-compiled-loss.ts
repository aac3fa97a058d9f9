// Loss functions that match the model's head: softmax probabilities with a loss that takes
// probabilities, a linear head (logits) with `softmaxCrossEntropy`, and a loss given by name.
import * as tf from '@tensorflow/tfjs';

export function buildProbabilities(classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [40, 8] }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({
    optimizer: 'adam',
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.metrics.categoricalCrossentropy(yTrue, yPred).mean(),
  });
  return model;
}

export function buildLogits(classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [40, 8] }));
  model.add(tf.layers.dense({ units: classes }));
  model.compile({
    optimizer: 'adam',
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
  });
  return model;
}

export function buildNamedLoss(classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 32, inputShape: [40, 8] }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}
