// expect: none
// LSTM cells in the old prototype style for the legacy widget bundle; PeepholeLSTM reuses the base gate math.
var tf = require('@tensorflow/tfjs');

function LSTMCell(inputDim, units, seed) {
  this.inputDim = inputDim;
  this.units = units;
  seed = seed || 10;
  this.W = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.2, 'float32', seed));
  this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.2, 'float32', seed + 1));
  this.b = tf.variable(tf.zeros([4 * units]));
}

LSTMCell.prototype.zeroState = function (batch) {
  return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
};

LSTMCell.prototype.preGates = function (x, h) {
  var z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
  return tf.split(z, 4, 1);
};

LSTMCell.prototype.gates = function (x, state) {
  var parts = this.preGates(x, state.h);
  return {
    i: tf.sigmoid(parts[0]),
    f: tf.sigmoid(parts[1]),
    g: tf.tanh(parts[2]),
    o: tf.sigmoid(parts[3])
  };
};

LSTMCell.prototype.step = function (x, state) {
  var gt = this.gates(x, state);
  var c = tf.add(tf.mul(gt.f, state.c), tf.mul(gt.i, gt.g));
  var h = tf.mul(gt.o, tf.tanh(c));
  return { h: h, c: c };
};

function PeepholeLSTM(inputDim, units, seed) {
  LSTMCell.call(this, inputDim, units, seed);
  this.pi = tf.variable(tf.zeros([units]));
  this.pf = tf.variable(tf.zeros([units]));
}

PeepholeLSTM.prototype = Object.create(LSTMCell.prototype);
PeepholeLSTM.prototype.constructor = PeepholeLSTM;

PeepholeLSTM.prototype.gates = function (x, state) {
  var parts = this.preGates(x, state.h);
  return {
    i: tf.sigmoid(tf.add(parts[0], tf.mul(state.c, this.pi))),
    f: tf.sigmoid(tf.add(parts[1], tf.mul(state.c, this.pf))),
    g: tf.tanh(parts[2]),
    o: tf.sigmoid(parts[3])
  };
};

function unroll(cell, xs) {
  return tf.tidy(function () {
    var frames = tf.unstack(xs, 1);
    var state = cell.zeroState(xs.shape[0]);
    var hs = [];
    frames.forEach(function (x) {
      state = cell.step(x, state);
      hs.push(state.h);
    });
    return { outputs: tf.stack(hs, 1), h: state.h, c: state.c };
  });
}

module.exports = { LSTMCell: LSTMCell, PeepholeLSTM: PeepholeLSTM, unroll: unroll };

if (require.main === module) {
  var cell = new PeepholeLSTM(3, 4);
  var res = unroll(cell, tf.randomNormal([2, 5, 3], 0, 1, 'float32', 7));
  res.h.print();
  res.c.print();
}
