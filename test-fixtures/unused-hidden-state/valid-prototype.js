// ES5 prototype classes whose overrides keep the state: a normalised input, a scaled recurrent term.
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

NormalizedInputCell.prototype.preactivation = function (x, h) {
  var xn = tf.div(tf.sub(x, this.mean), this.std);
  return tf.add(tf.add(tf.matMul(xn, this.W), tf.matMul(h, this.U)), this.b);
};

function LeakyCell(inputDim, units) {
  RNNCell.call(this, inputDim, units);
}

LeakyCell.prototype = Object.create(RNNCell.prototype);

LeakyCell.prototype.preactivation = function (x, h) {
  return tf.add(tf.matMul(x, this.W), tf.mul(0.5, tf.matMul(h, this.U)));
};

module.exports = { RNNCell: RNNCell, NormalizedInputCell: NormalizedInputCell, LeakyCell: LeakyCell };
