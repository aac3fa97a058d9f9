// ES5 prototype cells whose prototype methods already apply the activation the caller applies again.
var tf = require('@tensorflow/tfjs');

function Gru(inputSize, units) {
  this.wz = tf.variable(tf.randomNormal([inputSize, units]));
  this.uz = tf.variable(tf.randomNormal([units, units]));
  this.wn = tf.variable(tf.randomNormal([inputSize, units]));
  this.un = tf.variable(tf.randomNormal([units, units]));
}

// Affine map of input and state, squashed to (0, 1).
Gru.prototype.gate = function (w, u, x, h) {
  return tf.sigmoid(tf.add(tf.matMul(x, w), tf.matMul(h, u)));
};

Gru.prototype.candidate = function (x, h) {
  return tf.tanh(tf.add(tf.matMul(x, this.wn), tf.matMul(h, this.un)));
};

// Through a `var self = this` alias.
Gru.prototype.step = function (x, h) {
  var self = this;
  var z = tf.sigmoid(self.gate(self.wz, self.uz, x, h));
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  var n = self.candidate(x, h);
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
};

// Through `this`, in a subclass that inherits the prototype method.
function BoundedGru(inputSize, units) {
  Gru.call(this, inputSize, units);
}
BoundedGru.prototype = Object.create(Gru.prototype);

BoundedGru.prototype.readout = function (x, h) {
  return tf.tanh(this.candidate(x, h));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
};

module.exports = { Gru: Gru, BoundedGru: BoundedGru };
