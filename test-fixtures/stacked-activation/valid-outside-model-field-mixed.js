// Two builders that disagree (probabilities and logits): which one a wrapper from outside is given
// is not known here.
import * as tf from '@tensorflow/tfjs';

export function buildClassifier(features, classes) {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 32, activation: 'relu', inputShape: [features] }),
      tf.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
}

export function buildLogitsHead(features, classes) {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 32, activation: 'relu', inputShape: [features] }),
      tf.layers.dense({ units: classes }),
    ],
  });
}

export class Calibrated {
  constructor(model, temperature) {
    this.model = model;
    this.temperature = temperature;
  }

  predict(x) {
    return tf.tidy(() => tf.softmax(tf.div(this.model.predict(x), this.temperature)));
  }
}
