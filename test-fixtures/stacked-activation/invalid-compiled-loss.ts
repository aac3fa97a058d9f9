// A sentiment model whose last layer applies softmax, compiled with a loss function that takes
// logits: `softmaxCrossEntropy` applies softmax again to the model's output.
import * as tf from '@tensorflow/tfjs';

export function buildClassifier(vocab: number, classes: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 16, inputLength: 40 }));
  model.add(tf.layers.lstm({ units: 32 }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  model.compile({
    optimizer: 'adam',
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
//                                                                                     ~~~~~ stacked-activation
  });
  return model;
}
