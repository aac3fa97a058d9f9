// expect: state-leak
// Article, family (a): "we weren't properly clearing the hidden state between utterances during
// testing", so each prediction drifts with everything heard before it.
import * as tf from '@tensorflow/tfjs';

const featureSize = 13; // MFCCs per frame
const hiddenSize = 20;
const numClasses = 8;

const wIh = tf.layers.dense({ units: hiddenSize, inputShape: [featureSize] });
const wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize], useBias: false });
const classifier = tf.layers.dense({ units: numClasses, activation: 'softmax' });

function step(frame: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(wIh.apply(frame) as tf.Tensor2D, wHh.apply(hidden) as tf.Tensor2D)) as tf.Tensor2D;
}

export function recognise(utterances: tf.Tensor2D[][]): number[] {
  const predictions: number[] = [];
  let hidden: tf.Tensor2D = tf.zeros([1, hiddenSize]);
  for (const utterance of utterances) {
    for (const frame of utterance) {
      hidden = step(frame, hidden);
    }
    const probs = classifier.apply(hidden) as tf.Tensor2D;
    predictions.push(probs.argMax(-1).dataSync()[0]);
  }
  return predictions;
}
