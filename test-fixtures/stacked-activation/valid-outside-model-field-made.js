// The wrapper is made in this file, with a model that is not the softmax one the file builds:
// what the `new` passes decides, not the builder.
import * as tf from '@tensorflow/tfjs';

export function buildClassifier(features, classes) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [features] }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
  return model;
}

class Sampler {
  constructor(model) {
    this.model = model;
  }

  sample(x, temperature) {
    return tf.tidy(() => tf.multinomial(tf.softmax(tf.div(this.model.predict(x), temperature)), 1));
  }
}

// Given logits from elsewhere (an exported logits network, say).
export function samplerFor(logitsNet) {
  return new Sampler(logitsNet);
}
