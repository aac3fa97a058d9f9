// expect: returns-input-state, bptt-cut
// Home-energy dashboard widget: LSTM forecaster for the next hour's usage, refit nightly from the meter log.
var tf = require('@tensorflow/tfjs');

var UNITS = 16;

function Forecaster() {
  this.W = tf.variable(tf.randomNormal([1, 4 * UNITS], 0, 0.4, 'float32', 501));
  this.U = tf.variable(tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 502));
  this.b = tf.variable(tf.zeros([4 * UNITS]));
  this.Wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', 503));
  this.by = tf.variable(tf.zeros([1]));
  this.optimizer = tf.train.rmsprop(0.01);
}

Forecaster.prototype.step = function (x, h, c) {
  var z = tf.tensor2d([[x]]).matMul(this.W).add(h.matMul(this.U)).add(this.b);
  var parts = tf.split(z, 4, 1);
  var i = tf.sigmoid(parts[0]);
  var f = tf.sigmoid(parts[1]);
  var g = tf.tanh(parts[2]);
  var o = tf.sigmoid(parts[3]);
  var c2 = f.mul(c).add(i.mul(g));
  var h2 = o.mul(tf.tanh(c2));
  return [h2, c];
};

// Hidden state after every reading, stacked into [T, UNITS].
Forecaster.prototype.encodeSeries = function (series) {
  var h = tf.zeros([1, UNITS]);
  var c = tf.zeros([1, UNITS]);
  var states = [];
  for (var t = 0; t < series.length; t++) {
    var next = this.step(series[t], h, c);
    h = next[0];
    c = next[1];
    states.push(h);
  }
  return tf.concat(states, 0);
};

Forecaster.prototype.forecast = function (series) {
  var self = this;
  return tf.tidy(function () {
    var hs = self.encodeSeries(series);
    var last = hs.slice([series.length - 1, 0], [1, UNITS]);
    return last.matMul(self.Wy).add(self.by).dataSync()[0];
  });
};

Forecaster.prototype.fit = function (series, epochs) {
  var self = this;
  var inputs = series.slice(0, -1);
  var targets = tf.tensor2d(series.slice(1), [series.length - 1, 1]);
  var history = [];
  for (var e = 0; e < epochs; e++) {
    var loss = tf.tidy(function () {
      var hs = self.encodeSeries(inputs);
      var cost = self.optimizer.minimize(function () {
        var preds = hs.matMul(self.Wy).add(self.by);
        return tf.losses.meanSquaredError(targets, preds);
      }, true);
      return cost.dataSync()[0];
    });
    history.push(loss);
  }
  targets.dispose();
  return history;
};

function EnergyWidget(root, forecaster) {
  this.root = root;
  this.model = forecaster || new Forecaster();
}

EnergyWidget.prototype.render = function (readingsKwh) {
  var peak = Math.max.apply(null, readingsKwh.concat([1]));
  var scaled = readingsKwh.map(function (v) { return v / peak; });
  var next = this.model.forecast(scaled) * peak;
  this.root.querySelector('.forecast').textContent = 'Next hour: ~' + next.toFixed(2) + ' kWh';
  return next;
};

EnergyWidget.prototype.nightlyRefit = function (readingsKwh) {
  var peak = Math.max.apply(null, readingsKwh.concat([1]));
  return this.model.fit(readingsKwh.map(function (v) { return v / peak; }), 25);
};

module.exports = { Forecaster: Forecaster, EnergyWidget: EnergyWidget };
