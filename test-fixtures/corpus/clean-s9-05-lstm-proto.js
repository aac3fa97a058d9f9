// expect: none
// old-school LSTM "class" I use for scoring sequences of sensor readings, plain ES5 so it runs anywhere
var tf = require('@tensorflow/tfjs');

function LSTMCell(inputSize, hiddenSize) {
  this.inputSize = inputSize;
  this.hiddenSize = hiddenSize;
  this.W = tf.randomNormal([inputSize + hiddenSize, 4 * hiddenSize], 0, 0.2);
  this.b = tf.zeros([4 * hiddenSize]);
}

LSTMCell.prototype.zeroState = function (batch) {
  return { h: tf.zeros([batch, this.hiddenSize]), c: tf.zeros([batch, this.hiddenSize]) };
};

LSTMCell.prototype.step = function (x, state) {
  var self = this;
  return tf.tidy(function () {
    var xh = tf.concat([x, state.h], 1);
    var gates = tf.add(tf.matMul(xh, self.W), self.b);
    var parts = tf.split(gates, 4, 1);
    var i = tf.sigmoid(parts[0]);
    var f = tf.sigmoid(parts[1]);
    var g = tf.tanh(parts[2]);
    var o = tf.sigmoid(parts[3]);
    var c = tf.add(tf.mul(f, state.c), tf.mul(i, g));
    var h = tf.mul(o, tf.tanh(c));
    return { h: h, c: c };
  });
};

function SeqScorer(nFeatures, nHidden) {
  this.cell = new LSTMCell(nFeatures, nHidden);
  this.Wo = tf.randomNormal([nHidden, 1], 0, 0.3);
  this.bo = tf.scalar(0);
  this.verbose = false;
}

SeqScorer.prototype.score = function (seq) {
  var state = this.cell.zeroState(1);
  for (var t = 0; t < seq.length; t++) {
    var x = tf.tensor2d([seq[t]]);
    var next = this.cell.step(x, state);
    x.dispose();
    state.h.dispose();
    state.c.dispose();
    state = next;
    if (this.verbose) console.log('  t=' + t + ' |c|=' + state.c.norm().dataSync()[0].toFixed(3));
  }
  var self = this;
  var s = tf.tidy(function () {
    return tf.sigmoid(tf.add(tf.matMul(state.h, self.Wo), self.bo));
  });
  var val = s.dataSync()[0];
  s.dispose();
  state.h.dispose();
  state.c.dispose();
  return val;
};

function fakeReadings(n, drift) {
  var out = [];
  for (var i = 0; i < n; i++) {
    out.push([Math.sin(i / 3) + drift * i, Math.cos(i / 5), Math.random() * 0.1]);
  }
  return out;
}

var scorer = new SeqScorer(3, 16);
var batches = [fakeReadings(30, 0), fakeReadings(30, 0.05), fakeReadings(12, 0), fakeReadings(30, 0)];

for (var k = 0; k < batches.length; k++) {
  var sc = scorer.score(batches[k]);
  console.log('sequence ' + k + ' (len ' + batches[k].length + '): score=' + sc.toFixed(4));
}
console.log('tensors alive:', tf.memory().numTensors);

module.exports = { LSTMCell: LSTMCell, SeqScorer: SeqScorer };
