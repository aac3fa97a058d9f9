// A module that exports a logits model builder and a wrapper that applies the softmax itself:
// the correct split, one softmax.
import * as tf from '@tensorflow/tfjs';

export function buildSuggestModel(vocab) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 32, inputLength: 12 }));
  model.add(tf.layers.gru({ units: 64 }));
  model.add(tf.layers.dense({ units: vocab }));
  return model;
}

export class Suggester {
  constructor(model, topK = 5) {
    this.model = model;
    this.topK = topK;
  }

  suggest(batch) {
    return tf.tidy(() => tf.topk(tf.softmax(this.model.predict(batch)), this.topK));
  }
}
