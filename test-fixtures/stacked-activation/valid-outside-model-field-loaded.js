// The file builds a softmax model to train, but the wrapper serves a model loaded from disk
// (exported as logits); a model is loaded here, so the field is not taken for the built one.
import * as tf from '@tensorflow/tfjs';

export function buildForTraining(features, classes) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [features] }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  return model;
}

export async function loadServing(url) {
  return tf.loadLayersModel(url);
}

export class Service {
  constructor(model) {
    this.model = model;
  }

  classify(x) {
    return tf.tidy(() => tf.softmax(this.model.predict(x)).argMax(-1));
  }
}
