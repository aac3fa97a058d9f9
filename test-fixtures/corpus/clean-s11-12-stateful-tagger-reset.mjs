// expect: none
// Live POS-style tagger fed one token at a time through a stateful GRU; each utterance is tagged independently.
import * as tf from '@tensorflow/tfjs';

export class StreamingModel {
  constructor(model) {
    this.model = model;
    this.stepCount = 0;
  }

  reset() {
    this.model.resetStates();
    this.stepCount = 0;
  }

  feed(vec) {
    this.stepCount++;
    return tf.tidy(() => {
      const x = tf.tensor3d([[vec]]);
      return this.model.predict(x).dataSync();
    });
  }

  run(sequences) {
    const results = [];
    for (const seq of sequences) {
      this.reset();
      results.push(seq.map((vec) => this.feed(vec)));
    }
    return results;
  }
}

export class Tagger extends StreamingModel {
  constructor(model, tags) {
    super(model);
    this.tags = tags;
    this.history = [];
  }

  reset() {
    super.reset();
    this.history = [];
  }

  feed(vec) {
    const probs = super.feed(vec);
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
    this.history.push(this.tags[best]);
    return this.tags[best];
  }
}

export function buildModel(features, units, nTags) {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units,
    stateful: true,
    batchInputShape: [1, 1, features],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
  }));
  model.add(tf.layers.dense({
    units: nTags,
    activation: 'softmax',
    kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
  }));
  return model;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const tagger = new Tagger(buildModel(3, 8, 4), ['NOUN', 'VERB', 'ADJ', 'DET']);
  const utterance = [[0.1, 0.9, 0.0], [0.7, 0.2, 0.1], [0.3, 0.3, 0.4]];
  const out = tagger.run([[[5, 5, 5], [4, -4, 2]], utterance, utterance]);
  console.log(out);
}
