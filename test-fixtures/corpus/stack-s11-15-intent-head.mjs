// expect: stacked-activation
// Intent heads on top of the shared utterance GRU encoder: multi-label tags and a single-intent classifier.
import * as tf from '@tensorflow/tfjs';

export class UtteranceEncoder {
  constructor(embDim, units) {
    this.embDim = embDim;
    this.units = units;
    this.gru = tf.layers.gru({
      units,
      returnSequences: false,
      kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 5 }),
    });
  }

  encode(embedded) {
    return this.gru.apply(embedded);
  }
}

export class TagHead {
  constructor(encoder, nLabels) {
    this.encoder = encoder;
    this.W = tf.variable(tf.randomNormal([encoder.units, nLabels], 0, 0.5, 'float32', 6));
    this.b = tf.variable(tf.zeros([nLabels]));
  }

  scores(embedded) {
    const h = this.encoder.encode(embedded);
    return tf.sigmoid(tf.add(tf.matMul(h, this.W), this.b));
  }

  predict(embedded, threshold = 0.5) {
    return tf.tidy(() => this.scores(embedded).greater(threshold).arraySync());
  }
}

export class IntentClassifier extends TagHead {
  constructor(encoder, intents) {
    super(encoder, intents.length);
    this.intents = intents;
  }

  probabilities(embedded) {
    return tf.softmax(super.scores(embedded), -1);
  }

  predict(embedded) {
    return tf.tidy(() => {
      const idx = this.probabilities(embedded).argMax(-1).arraySync();
      return idx.map((i) => this.intents[i]);
    });
  }

  loss(embedded, labels) {
    const probs = this.probabilities(embedded);
    return tf.losses.logLoss(labels, probs);
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const enc = new UtteranceEncoder(8, 12);
  const clf = new IntentClassifier(enc, ['book', 'cancel', 'ask', 'greet']);
  const batch = tf.randomNormal([3, 5, 8], 0, 1, 'float32', 9);
  console.log(clf.predict(batch));
  tf.tidy(() => clf.probabilities(batch).print());
}
