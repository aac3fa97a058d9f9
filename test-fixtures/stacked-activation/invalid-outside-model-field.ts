// A module that exports a model builder and a wrapper class the importing code makes: the wrapper's
// model is the builder's, which already ends in a softmax.
import * as tf from '@tensorflow/tfjs';

export function buildTagger(vocab: number, tags: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 32, inputLength: 20 }));
  model.add(tf.layers.lstm({ units: 64 }));
  model.add(tf.layers.dense({ units: tags, activation: 'softmax' }));
  return model;
}

export class Tagger {
  constructor(private readonly model: tf.LayersModel) {}

  probabilities(ids: tf.Tensor2D): tf.Tensor {
    return tf.tidy(() => tf.softmax(this.model.predict(ids) as tf.Tensor));
//                       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}

// The same with an options object.
export class Ranker {
  private readonly model: tf.LayersModel;

  constructor({ model }: { model: tf.LayersModel }) {
    this.model = model;
  }

  best(ids: tf.Tensor2D): tf.Tensor {
    const probs = tf.softmax(this.model.predict(ids) as tf.Tensor);
//                ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    return probs.argMax(-1);
  }
}
