// ES5: a trainer that carries the state as tensors inside the closure and stores it in its
// variables only after the gradient is taken (truncated BPTT across calls, on purpose); a
// running mean of the inputs is kept in a variable too.
var tf = require('@tensorflow/tfjs');

function step(p, x, h) {
  return tf.tanh(x.matMul(p.W).add(h.matMul(p.U)));
}

function Trainer(p, batch, units) {
  this.p = p;
  this.hVar = tf.variable(tf.zeros([batch, units]), false);
  this.inputMean = tf.variable(tf.zeros([1, 1]), false);
  this.optimizer = tf.train.adam(0.01);
}

Trainer.prototype.lossOn = function (xs, target) {
  var h = this.hVar;
  for (var t = 0; t < xs.length; t++) {
    this.inputMean.assign(this.inputMean.mul(0.99).add(xs[t].mean().mul(0.01)));
    h = step(this.p, xs[t], h);
  }
  // The next chunk starts where this one ended, without its history.
  this.hVar.assign(h);
  return tf.losses.meanSquaredError(target, h.matMul(this.p.Wy));
};

Trainer.prototype.fit = function (xs, target) {
  var self = this;
  return this.optimizer.minimize(function () { return self.lossOn(xs, target); }, true);
};

module.exports = { Trainer: Trainer };
