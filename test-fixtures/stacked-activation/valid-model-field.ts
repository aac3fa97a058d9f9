// A service kept with a model in a field: one gives logits, another probabilities.
import * as tf from '@tensorflow/tfjs';

export function buildLogits(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, inputShape: [4, 2] }));
  model.add(tf.layers.dense({ units: 3 }));
  return model;
}

export function buildProbs(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, inputShape: [4, 2] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

export class Scorer {
  constructor(private readonly model: tf.LayersModel) {}
  scores(batch: tf.Tensor3D): tf.Tensor {
    return tf.softmax(this.model.predict(batch) as tf.Tensor);
  }
}

// Only logits reach `softmax` here.
export const scorer = new Scorer(buildLogits());

// Made with both: which model runs is not known in the method.
export class Mixed {
  constructor(private readonly model: tf.LayersModel) {}
  scores(batch: tf.Tensor3D): tf.Tensor {
    return tf.sigmoid(this.model.predict(batch) as tf.Tensor);
  }
}
export const mixed = [new Mixed(buildLogits()), new Mixed(buildProbs())];
