// ES5: the helper that concatenates every step's state runs once, before minimize.
var tf = require('@tensorflow/tfjs');

function Forecaster() {
  this.W = tf.variable(tf.randomNormal([1, 4]));
  this.U = tf.variable(tf.randomNormal([4, 4]));
  this.Wy = tf.variable(tf.randomNormal([4, 1]));
  this.optimizer = tf.train.sgd(0.1);
}

Forecaster.prototype.step = function (x, h) {
  return tf.tanh(tf.tensor2d([[x]]).matMul(this.W).add(h.matMul(this.U)));
};

Forecaster.prototype.encodeSeries = function (series) {
  var h = tf.zeros([1, 4]);
  var states = [];
  for (var t = 0; t < series.length; t++) {
    h = this.step(series[t], h);
    states.push(h);
  }
  return tf.concat(states, 0);
};

Forecaster.prototype.fit = function (series, targets) {
  var self = this;
  var hs = self.encodeSeries(series);
  return self.optimizer.minimize(function () {
    return tf.losses.meanSquaredError(targets, hs.matMul(self.Wy));
    //                                         ~~ bptt-cut
  }, true);
};

module.exports = Forecaster;
