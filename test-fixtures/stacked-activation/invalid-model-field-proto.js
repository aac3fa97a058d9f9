// Models built into a field layer by layer, in an ES5 constructor and in a class: the last layer
// already applies softmax, and the prediction is squashed again.
var tf = require('@tensorflow/tfjs');

function Classifier(classes) {
  this.net = tf.sequential();
  this.net.add(tf.layers.gru({ units: 8, inputShape: [5, 2] }));
  this.net.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
}

Classifier.prototype.classify = function (x) {
  var self = this;
  return tf.tidy(function () {
    var out = self.net.predict(x);
    return tf.softmax(out);
//         ~~~~~~~~~~~~~~~ stacked-activation
  });
};

class Tagger {
  constructor(tags) {
    this.net = tf.sequential();
    this.net.add(tf.layers.lstm({ units: 8, inputShape: [5, 2] }));
    this.net.add(tf.layers.dense({ units: tags, activation: 'sigmoid' }));
  }

  tag(x) {
    return tf.sigmoid(this.net.predict(x));
//         ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}

module.exports = { Classifier, Tagger };
