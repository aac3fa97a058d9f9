// expect: unused-hidden-state
// Output-gated tanh RNN cell in prototype style, shared by the browser demo and the node batch scorer.
var tf = require('@tensorflow/tfjs');

function RecurrentCell(inputSize, hiddenSize) {
  this.inputSize = inputSize;
  this.hiddenSize = hiddenSize;
  this.weights = [];
}

RecurrentCell.prototype.addWeight = function (shape, scale) {
  var w = tf.variable(tf.randomNormal(shape, 0, scale || 0.2));
  this.weights.push(w);
  return w;
};

RecurrentCell.prototype.zeroState = function (batch) {
  return tf.zeros([batch, this.hiddenSize]);
};

// x W + h U + b, shared by every gate of every subclass
RecurrentCell.prototype.preact = function (x, h, W, U, b) {
  var xw = tf.matMul(x, W);
  var hu = tf.matMul(h, U);
  return tf.add(xw, b);
};

RecurrentCell.prototype.forward = function (input, hidden) {
  throw new Error('forward() not implemented for ' + this.constructor.name);
};

function GatedTanhCell(inputSize, hiddenSize) {
  RecurrentCell.call(this, inputSize, hiddenSize);
  this.Wo = this.addWeight([inputSize, hiddenSize]);
  this.Uo = this.addWeight([hiddenSize, hiddenSize]);
  this.bo = this.addWeight([hiddenSize], 0.01);
  this.Wc = this.addWeight([inputSize, hiddenSize]);
  this.Uc = this.addWeight([hiddenSize, hiddenSize]);
  this.bc = this.addWeight([hiddenSize], 0.01);
}
GatedTanhCell.prototype = Object.create(RecurrentCell.prototype);
GatedTanhCell.prototype.constructor = GatedTanhCell;

GatedTanhCell.prototype.forward = function (input, hidden) {
  var self = this;
  return tf.tidy(function () {
    var o = tf.sigmoid(self.preact(input, hidden, self.Wo, self.Uo, self.bo));
    var cand = tf.tanh(self.preact(input, hidden, self.Wc, self.Uc, self.bc));
    return tf.mul(o, cand);
  });
};

function SequenceScorer(cell, classes) {
  this.cell = cell;
  this.Wy = tf.variable(tf.randomNormal([cell.hiddenSize, classes], 0, 0.2));
}

SequenceScorer.prototype.run = function (steps) {
  var self = this;
  return tf.tidy(function () {
    var h = self.cell.zeroState(steps[0].shape[0]);
    for (var t = 0; t < steps.length; t++) {
      h = self.cell.forward(steps[t], h);
    }
    return tf.softmax(tf.matMul(h, self.Wy));
  });
};

module.exports = { RecurrentCell: RecurrentCell, GatedTanhCell: GatedTanhCell, SequenceScorer: SequenceScorer };

if (require.main === module) {
  var scorer = new SequenceScorer(new GatedTanhCell(5, 12), 3);
  var steps = [];
  for (var i = 0; i < 10; i++) steps.push(tf.randomNormal([2, 5]));
  scorer.run(steps).print();
}
