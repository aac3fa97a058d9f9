// Models built into a field layer by layer: one ends in a linear layer (its logits get softmax
// once), one ends in softmax and is read as probabilities; another object's field is another model.
var tf = require('@tensorflow/tfjs');

function Classifier(classes) {
  this.net = tf.sequential();
  this.net.add(tf.layers.gru({ units: 8, inputShape: [5, 2] }));
  this.net.add(tf.layers.dense({ units: classes }));
}

Classifier.prototype.classify = function (x) {
  var self = this;
  return tf.tidy(function () {
    return tf.softmax(self.net.predict(x));
  });
};

function Scorer(classes) {
  this.net = tf.sequential();
  this.net.add(tf.layers.gru({ units: 8, inputShape: [5, 2] }));
  this.net.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
}

Scorer.prototype.best = function (x) {
  return this.net.predict(x).argMax(-1);
};

class Tagger {
  constructor(tags) {
    this.net = tf.sequential();
    this.net.add(tf.layers.lstm({ units: 8, inputShape: [5, 2] }));
    this.net.add(tf.layers.dense({ units: tags }));
  }

  tag(x) {
    return tf.sigmoid(this.net.predict(x));
  }
}

module.exports = { Classifier, Scorer, Tagger };
