// An intent service keeps its classifier in a field; the classifier already ends in softmax.
import * as tf from '@tensorflow/tfjs';

export function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, inputShape: [4, 2] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

export class IntentService {
  constructor(private readonly model: tf.LayersModel) {}
  scores(batch: tf.Tensor3D): tf.Tensor {
    return tf.sigmoid(this.model.predict(batch) as tf.Tensor);
    //     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}

export const service = new IntentService(buildModel());
