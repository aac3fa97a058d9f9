// ES5 prototype classes: a base step calls a method a subclass overrides, and an inherited helper drops the term.
var tf = require('@tensorflow/tfjs');

function RNNCell(inputDim, units) {
  this.W = tf.variable(tf.randomNormal([inputDim, units]));
  this.U = tf.variable(tf.randomNormal([units, units]));
  this.b = tf.variable(tf.zeros([units]));
}

RNNCell.prototype.preactivation = function (x, h) {
  return tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
};

RNNCell.prototype.step = function (x, h) {
  return tf.tanh(this.preactivation(x, h));
};

function NormalizedInputCell(inputDim, units, mean, std) {
  RNNCell.call(this, inputDim, units);
  this.mean = mean;
  this.std = std;
}

NormalizedInputCell.prototype = Object.create(RNNCell.prototype);
NormalizedInputCell.prototype.constructor = NormalizedInputCell;

NormalizedInputCell.prototype.preactivation = function (x, h) {
  //                                                       ~ unused-hidden-state
  var xn = tf.div(tf.sub(x, this.mean), this.std);
  return tf.add(tf.matMul(xn, this.W), this.b);
};

// A subclass whose own step reaches the base's helper through `var self = this`.
function GatedCell(inputDim, units) {
  RNNCell.call(this, inputDim, units);
}

GatedCell.prototype = Object.create(RNNCell.prototype);

GatedCell.prototype.project = function (x, h) {
  var hu = tf.matMul(h, this.U);
  return tf.add(tf.matMul(x, this.W), this.b);
};

GatedCell.prototype.forward = function (input, hidden) {
  //                                           ~~~~~~ unused-hidden-state
  var self = this;
  return tf.tidy(function () {
    return tf.tanh(self.project(input, hidden));
  });
};

module.exports = { RNNCell: RNNCell, NormalizedInputCell: NormalizedInputCell, GatedCell: GatedCell };
