// expect: none
var tf = require('@tensorflow/tfjs');

function Elman(W, U) {
  this.W = W;
  this.U = U;
}

Elman.prototype.forward = function (x, h) {
  return tf.tanh(x.matMul(this.W).add(h.matMul(this.U)));
};

Elman.prototype.run = function (xs) {
  var h = tf.zeros([1, this.U.shape[0]]);
  var outs = [];
  for (var i = 0; i < xs.length; i++) {
    h = this.forward(xs[i], h);
    outs.push(h);
  }
  return outs;
};

module.exports = Elman;
