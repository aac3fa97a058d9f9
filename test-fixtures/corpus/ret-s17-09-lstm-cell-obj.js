// expect: returns-input-state
// Old-school LSTM cell written with prototypes, used by our legacy forecasting page.
var tf = require('@tensorflow/tfjs');

function LstmCell(inputSize, units, seed) {
  this.units = units;
  var s = seed || 10;
  this.W = tf.variable(tf.randomNormal([inputSize, 4 * units], 0, 0.3, 'float32', s));
  this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', s + 1));
  this.b = tf.variable(tf.zeros([4 * units]));
}

LstmCell.prototype.zeroState = function (batch) {
  return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
};

LstmCell.prototype.gates = function (x, h) {
  var z = tf.matMul(x, this.W).add(tf.matMul(h, this.U)).add(this.b);
  var parts = tf.split(z, 4, 1);
  return {
    i: tf.sigmoid(parts[0]),
    f: tf.sigmoid(parts[1]),
    g: tf.tanh(parts[2]),
    o: tf.sigmoid(parts[3])
  };
};

LstmCell.prototype.step = function (x, state) {
  var self = this;
  return tf.tidy(function () {
    var h = state.h, c = state.c;
    var gt = self.gates(x, h);
    var cNext = gt.f.mul(c).add(gt.i.mul(gt.g));
    var hNext = gt.o.mul(tf.tanh(cNext));
    return { h: hNext, c: c };
  });
};

LstmCell.prototype.run = function (xs) {
  var state = this.zeroState(xs[0].shape[0]);
  var outputs = [];
  for (var t = 0; t < xs.length; t++) {
    var next = this.step(xs[t], state);
    if (t > 0) {
      state.h.dispose();
    }
    state = next;
    outputs.push(next.h);
  }
  return { outputs: outputs, state: state };
};

function Forecaster(inputSize, units) {
  this.cell = new LstmCell(inputSize, units, 5);
  this.readout = tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', 77));
}

Forecaster.prototype.predict = function (xs) {
  var res = this.cell.run(xs);
  var last = res.outputs[res.outputs.length - 1];
  return tf.matMul(last, this.readout);
};

module.exports = { LstmCell: LstmCell, Forecaster: Forecaster };
