// expect: none
// Regime classifier for intraday bars: an LSTM cell summarises the session and a softmax head gives calm / trending / volatile odds.
var tf = require('@tensorflow/tfjs');

var REGIMES = ['calm', 'trending', 'volatile'];

function RegimeCell(nIn, nHidden, seed) {
  seed = seed || 5;
  this.nHidden = nHidden;
  this.W = tf.randomNormal([nIn, 4 * nHidden], 0, 0.3, 'float32', seed);
  this.U = tf.randomNormal([nHidden, 4 * nHidden], 0, 0.2, 'float32', seed + 1);
  this.b = tf.zeros([4 * nHidden]);
  this.Wy = tf.randomNormal([nHidden, REGIMES.length], 0, 0.5, 'float32', seed + 2);
  this.by = tf.zeros([REGIMES.length]);
}

RegimeCell.prototype.zeroState = function () {
  return { h: tf.zeros([1, this.nHidden]), c: tf.zeros([1, this.nHidden]) };
};

RegimeCell.prototype.step = function (x, h, c) {
  var self = this;
  return tf.tidy(function () {
    var gates = x.matMul(self.W).add(h.matMul(self.U)).add(self.b);
    var parts = tf.split(gates, 4, 1);
    var i = tf.sigmoid(parts[0]);
    var f = tf.sigmoid(parts[1]);
    var o = tf.sigmoid(parts[2]);
    var g = tf.tanh(parts[3]);
    var cNew = f.mul(c).add(i.mul(g));
    var hNew = o.mul(tf.tanh(cNew));
    return { h: hNew, c: cNew };
  });
};

RegimeCell.prototype.classify = function (bars) {
  var self = this;
  return tf.tidy(function () {
    var state = self.zeroState();
    for (var t = 1; t < bars.length; t++) {
      var ret = (bars[t].close / bars[t - 1].close - 1) * 100;
      var range = ((bars[t].high - bars[t].low) / bars[t].close) * 100;
      var x = tf.tensor2d([[ret, range]]);
      state = self.step(x, state.h, state.c);
    }
    var logits = state.h.matMul(self.Wy).add(self.by);
    return tf.softmax(logits);
  });
};

function makeSession(kind, n) {
  var bars = [];
  var px = 100;
  for (var i = 0; i < n; i++) {
    var move = kind === 'trending' ? 0.001 : 0;
    var noise = kind === 'volatile' ? 0.006 : 0.001;
    px = px * (1 + move + noise * Math.sin(i * 2.1));
    bars.push({ close: px, high: px * (1 + noise), low: px * (1 - noise) });
  }
  return bars;
}

function report(cell, sessions) {
  var rows = [];
  Object.keys(sessions).forEach(function (day) {
    var probs = cell.classify(sessions[day]);
    var p = probs.dataSync();
    probs.dispose();
    var best = 0;
    for (var k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    rows.push(day + ': ' + REGIMES[best] + ' (' + (p[best] * 100).toFixed(1) + '%)');
  });
  return rows;
}

module.exports = { RegimeCell: RegimeCell, makeSession: makeSession, report: report };

if (require.main === module) {
  var cell = new RegimeCell(2, 12);
  var sessions = {
    '2024-03-04': makeSession('calm', 78),
    '2024-03-05': makeSession('trending', 78),
    '2024-03-06': makeSession('volatile', 78),
  };
  report(cell, sessions).forEach(function (line) { console.log(line); });
}
