// ES5: a trainer keeping the running LSTM state in tf.variables it owns.
var tf = require('@tensorflow/tfjs');

function step(p, x, h, c) {
  var gates = x.matMul(p.W).add(h.matMul(p.U));
  var parts = tf.split(gates, 4, 1);
  var cNext = tf.sigmoid(parts[1]).mul(c).add(tf.sigmoid(parts[0]).mul(tf.tanh(parts[2])));
  return [tf.sigmoid(parts[3]).mul(tf.tanh(cNext)), cNext];
}

function Trainer(p, batch, units) {
  this.p = p;
  this.hVar = tf.variable(tf.zeros([batch, units]), false);
  this.cVar = tf.variable(tf.zeros([batch, units]), false);
  this.optimizer = tf.train.adam(0.01);
}

Trainer.prototype.lossOn = function (xs, target) {
  var y = null;
  for (var t = 0; t < xs.length; t++) {
    var next = step(this.p, xs[t], this.hVar, this.cVar);
    this.hVar.assign(next[0]);
//  ~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    this.cVar.assign(next[1]);
//  ~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    y = next[0];
  }
  return tf.losses.meanSquaredError(target, y.matMul(this.p.Wy));
};

Trainer.prototype.fit = function (xs, target) {
  var self = this;
  return this.optimizer.minimize(function () { return self.lossOn(xs, target); }, true);
};

module.exports = { Trainer: Trainer };
