// ES5: the helper that concatenates every step's state runs inside minimize; read back afterwards for a chart.
var tf = require('@tensorflow/tfjs');
function F() { this.W = tf.variable(tf.zeros([1, 4])); this.U = tf.variable(tf.zeros([4, 4])); this.Wy = tf.variable(tf.zeros([4, 1])); this.optimizer = tf.train.sgd(0.1); }
F.prototype.step = function (x, h) { return tf.tanh(tf.tensor2d([[x]]).matMul(this.W).add(h.matMul(this.U))); };
F.prototype.encodeSeries = function (series) { var h = tf.zeros([1, 4]); var states = []; for (var t = 0; t < series.length; t++) { h = this.step(series[t], h); states.push(h); } return tf.concat(states, 0); };
F.prototype.fit = function (series, targets) {
  var self = this;
  var cost = self.optimizer.minimize(function () { var hs = self.encodeSeries(series); return tf.losses.meanSquaredError(targets, hs.matMul(self.Wy)); }, true);
  var hs = self.encodeSeries(series);
  var chart = hs.arraySync();
  return [cost.dataSync()[0], chart];
};
module.exports = F;
