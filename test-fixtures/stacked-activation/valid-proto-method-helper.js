// ES5 prototype GRU whose prototype helpers return pre-activations, or gates used as gates.
var tf = require('@tensorflow/tfjs');

function Gru(inputSize, units) {
  this.wz = tf.variable(tf.randomNormal([inputSize, units]));
  this.uz = tf.variable(tf.randomNormal([units, units]));
  this.wr = tf.variable(tf.randomNormal([inputSize, units]));
  this.ur = tf.variable(tf.randomNormal([units, units]));
  this.wn = tf.variable(tf.randomNormal([inputSize, units]));
  this.un = tf.variable(tf.randomNormal([units, units]));
}

// The affine part only: the caller picks the activation.
Gru.prototype.affine = function (w, u, x, h) {
  return tf.add(tf.matMul(x, w), tf.matMul(h, u));
};

// Already squashed: used as a gate, never squashed again.
Gru.prototype.gate = function (w, u, x, h) {
  return tf.sigmoid(this.affine(w, u, x, h));
};

Gru.prototype.step = function (x, h) {
  var self = this;
  var z = tf.sigmoid(self.affine(self.wz, self.uz, x, h));
  var r = self.gate(self.wr, self.ur, x, h);
  var n = tf.tanh(tf.add(tf.matMul(x, self.wn), tf.matMul(tf.mul(r, h), self.un)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
};

// An LSTM-style readout: a gate times the squashed state, not two activations in a row.
Gru.prototype.readout = function (x, h) {
  return tf.mul(this.gate(this.wz, this.uz, x, h), tf.tanh(h));
};

// A subclass overrides the gate with a linear one: `this.gate` in the base is not one function.
function LinearGateGru(inputSize, units) {
  Gru.call(this, inputSize, units);
}
LinearGateGru.prototype = Object.create(Gru.prototype);
LinearGateGru.prototype.gate = function (w, u, x, h) {
  return this.affine(w, u, x, h);
};

Gru.prototype.bounded = function (x, h) {
  return tf.sigmoid(this.gate(this.wz, this.uz, x, h));
};

module.exports = { Gru: Gru, LinearGateGru: LinearGateGru };
