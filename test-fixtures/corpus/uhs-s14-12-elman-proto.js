// expect: unused-hidden-state
// Old-school Elman network (prototype style) that reads a melody note by note and predicts the next note.
var tf = require('@tensorflow/tfjs');

function ElmanNet(vocabSize, hiddenSize) {
  this.vocabSize = vocabSize;
  this.hiddenSize = hiddenSize;
  this.Wxh = tf.variable(tf.randomNormal([vocabSize, hiddenSize], 0, 0.1, 'float32', 31));
  this.Whh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1, 'float32', 32));
  this.Why = tf.variable(tf.randomNormal([hiddenSize, vocabSize], 0, 0.1, 'float32', 33));
  this.bh = tf.variable(tf.zeros([hiddenSize]));
  this.by = tf.variable(tf.zeros([vocabSize]));
}

ElmanNet.prototype.initHidden = function () {
  return tf.zeros([1, this.hiddenSize]);
};

ElmanNet.prototype.forward = function (input, hidden) {
  var self = this;
  return tf.tidy(function () {
    var x = tf.oneHot(tf.tensor1d([input], 'int32'), self.vocabSize).toFloat();
    var pre = tf.matMul(hidden, self.Whh);
    pre = tf.matMul(x, self.Wxh).add(self.bh);
    var h = tf.tanh(pre);
    var logits = tf.matMul(h, self.Why).add(self.by);
    return { logits: logits, hidden: h };
  });
};

ElmanNet.prototype.predictNext = function (notes) {
  var hidden = this.initHidden();
  var out = null;
  for (var i = 0; i < notes.length; i++) {
    if (out) out.logits.dispose();
    out = this.forward(notes[i], hidden);
    hidden.dispose();
    hidden = out.hidden;
  }
  var next = out.logits.argMax(1).dataSync()[0];
  out.logits.dispose();
  hidden.dispose();
  return next;
};

ElmanNet.prototype.variables = function () {
  return [this.Wxh, this.Whh, this.Why, this.bh, this.by];
};

ElmanNet.prototype.trainSequence = function (optimizer, notes) {
  var self = this;
  var cost = optimizer.minimize(function () {
    var hidden = self.initHidden();
    var total = tf.scalar(0);
    for (var i = 0; i + 1 < notes.length; i++) {
      var out = self.forward(notes[i], hidden);
      var target = tf.oneHot(tf.tensor1d([notes[i + 1]], 'int32'), self.vocabSize).toFloat();
      total = total.add(tf.losses.softmaxCrossEntropy(target, out.logits));
      hidden = out.hidden;
    }
    return total.div(notes.length - 1);
  }, true, self.variables());
  var value = cost.dataSync()[0];
  cost.dispose();
  return value;
};

module.exports = ElmanNet;

if (require.main === module) {
  var net = new ElmanNet(8, 16);
  var opt = tf.train.sgd(0.3);
  var melody = [0, 2, 4, 5, 7, 5, 4, 2, 0];
  for (var epoch = 0; epoch < 20; epoch++) {
    var loss = net.trainSequence(opt, melody);
    if (epoch % 5 === 0) console.log('epoch', epoch, 'loss', loss.toFixed(3));
  }
  console.log('next after 0 2 4 ->', net.predictNext([0, 2, 4]));
}
