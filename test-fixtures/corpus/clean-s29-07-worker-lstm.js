// expect: none
// Web worker (bundled with browserify) that labels each accelerometer recording as walk/run/still with a hand-rolled LSTM.
var tf = require('@tensorflow/tfjs');

var LABELS = ['still', 'walk', 'run'];

function LstmCell(inputSize, units, seed) {
  this.units = units;
  this.kernel = tf.randomNormal([inputSize + units, 4 * units], 0, 0.2, 'float32', seed);
  this.bias = tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]);
}

LstmCell.prototype.zeroState = function (batch) {
  return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
};

LstmCell.prototype.step = function (x, state) {
  var gates = tf.matMul(tf.concat([x, state.h], 1), this.kernel).add(this.bias);
  var parts = tf.split(gates, 4, 1);
  var inGate = tf.sigmoid(parts[0]);
  var forget = tf.sigmoid(parts[1]);
  var candidate = tf.tanh(parts[2]);
  var outGate = tf.sigmoid(parts[3]);
  var c = forget.mul(state.c).add(inGate.mul(candidate));
  var h = outGate.mul(tf.tanh(c));
  return { h: h, c: c };
};

function ActivityNet(seed) {
  this.cell = new LstmCell(3, 16, seed);
  this.head = tf.randomNormal([16, LABELS.length], 0, 0.3, 'float32', seed + 1);
  this.headBias = tf.zeros([LABELS.length]);
}

ActivityNet.prototype.classify = function (frames) {
  var self = this;
  var probs = tf.tidy(function () {
    var state = self.cell.zeroState(1);
    for (var t = 0; t < frames.length; t++) {
      var f = frames[t];
      var x = tf.tensor2d([[f.x / 9.81, f.y / 9.81, f.z / 9.81]]);
      state = self.cell.step(x, state);
    }
    return tf.softmax(tf.matMul(state.h, self.head).add(self.headBias));
  });
  var p = Array.prototype.slice.call(probs.dataSync());
  probs.dispose();
  var best = 0;
  for (var i = 1; i < p.length; i++) {
    if (p[i] > p[best]) best = i;
  }
  return { label: LABELS[best], probs: p };
};

var net = new ActivityNet(13);

self.onmessage = function (e) {
  var msg = e.data || {};
  if (msg.type !== 'classify') return;
  try {
    var result = net.classify(msg.frames || []);
    self.postMessage({ type: 'result', id: msg.id, label: result.label, probs: result.probs });
  } catch (err) {
    self.postMessage({ type: 'error', id: msg.id, message: String(err && err.message) });
  }
};

if (typeof module !== 'undefined') {
  module.exports = { LstmCell: LstmCell, ActivityNet: ActivityNet };
}
