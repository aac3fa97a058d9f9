// expect: none
// Shared LSTM cell used by our handwriting and speech widgets; runs a sequence of feature vectors and returns every h.
'use strict';
var tf = require('@tensorflow/tfjs');

function LstmCell(inputSize, units, options) {
  options = options || {};
  this.inputSize = inputSize;
  this.units = units;
  var seed = options.seed || 42;
  var scale = options.scale || 0.2;
  this.W = tf.randomNormal([inputSize, 4 * units], 0, scale, 'float32', seed);
  this.U = tf.randomNormal([units, 4 * units], 0, scale, 'float32', seed + 1);
  var forgetBias = options.forgetBias == null ? 1 : options.forgetBias;
  this.b = tf.concat([
    tf.zeros([units]),
    tf.fill([units], forgetBias),
    tf.zeros([2 * units])
  ]);
}

LstmCell.prototype.zeroState = function (batch) {
  return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
};

// one time step: x [batch, inputSize], state {h, c} -> new {h, c}
LstmCell.prototype.step = function (x, state) {
  var self = this;
  return tf.tidy(function () {
    var z = tf.matMul(x, self.W).add(tf.matMul(state.h, self.U)).add(self.b);
    var parts = tf.split(z, 4, 1);
    var i = tf.sigmoid(parts[0]);
    var f = tf.sigmoid(parts[1]);
    var g = tf.tanh(parts[2]);
    var o = tf.sigmoid(parts[3]);
    var c = f.mul(state.c).add(i.mul(g));
    var h = o.mul(tf.tanh(c));
    return { h: h, c: c };
  });
};

// xs: [batch, time, inputSize] -> { outputs: [batch, time, units], last: {h, c} }
LstmCell.prototype.run = function (xs, initial) {
  var batch = xs.shape[0];
  var steps = xs.shape[1];
  var state = initial || this.zeroState(batch);
  var hs = [];
  for (var t = 0; t < steps; t++) {
    var xt = tf.tidy(function () {
      return xs.slice([0, t, 0], [batch, 1, -1]).squeeze([1]);
    });
    var next = this.step(xt, state);
    xt.dispose();
    if (state !== initial) {
      state.c.dispose();
    }
    hs.push(next.h);
    state = next;
  }
  var outputs = tf.stack(hs, 1);
  hs.slice(0, -1).forEach(function (h) { h.dispose(); });
  return { outputs: outputs, last: state };
};

module.exports = { LstmCell: LstmCell };

if (require.main === module) {
  var cell = new LstmCell(3, 8);
  var xs = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 9);
  var res = cell.run(xs);
  console.log('outputs', res.outputs.shape, 'last h', res.last.h.shape, 'last c', res.last.c.shape);
  res.last.c.print();
  console.log('tensors alive:', tf.memory().numTensors);
}
