// expect: returns-input-state
// ES5 IndRNN cell with a Keras-like call(inputs, states) signature, exported for a CommonJS ECG beat classifier.
'use strict';

var tf = require('@tensorflow/tfjs');

/**
 * Independently recurrent cell: each unit only sees its own previous value.
 * @constructor
 * @param {{ inputSize: number, units: number, recurrentMax?: number }} cfg
 */
function IndRNNCell(cfg) {
  var self = this;
  self.units = cfg.units;
  self.recurrentMax = cfg.recurrentMax || Math.pow(2, 1 / 50);
  self.kernel = tf.variable(tf.randomNormal([cfg.inputSize, cfg.units], 0, 0.05));
  self.recurrent = tf.variable(tf.randomUniform([cfg.units], 0, self.recurrentMax));
  self.bias = tf.variable(tf.zeros([cfg.units]));
  self.stateSize = [cfg.units];
}

IndRNNCell.prototype.getInitialState = function (batch) {
  return [tf.zeros([batch, this.units])];
};

/**
 * @param {tf.Tensor2D} inputs
 * @param {tf.Tensor2D[]} states
 * @returns {[tf.Tensor2D, tf.Tensor2D[]]}
 */
IndRNNCell.prototype.call = function (inputs, states) {
  var self = this;
  var h = states[0];
  var u = tf.clipByValue(self.recurrent, -self.recurrentMax, self.recurrentMax);
  var pre = tf.add(tf.add(tf.matMul(inputs, self.kernel), tf.mul(h, u)), self.bias);
  var hNew = tf.relu(pre);
  return [hNew, [h]];
};

IndRNNCell.prototype.trainableWeights = function () {
  return [this.kernel, this.recurrent, this.bias];
};

/**
 * @param {IndRNNCell} cell
 * @param {tf.Tensor3D} seq [batch, time, features]
 */
function runCell(cell, seq) {
  var steps = tf.unstack(seq, 1);
  var states = cell.getInitialState(seq.shape[0]);
  var out = null;
  for (var t = 0; t < steps.length; t++) {
    var res = cell.call(steps[t], states);
    out = res[0];
    states = res[1];
  }
  return out;
}

function BeatClassifier(opts) {
  var o = Object.assign({ inputSize: 1, units: 64, classes: 5, lr: 2e-4 }, opts);
  this.cell = new IndRNNCell(o);
  this.wOut = tf.variable(tf.randomNormal([o.units, o.classes], 0, 0.05));
  this.bOut = tf.variable(tf.zeros([o.classes]));
  this.optimizer = tf.train.adam(o.lr);
}

BeatClassifier.prototype.logits = function (seq) {
  return tf.add(tf.matMul(runCell(this.cell, seq), this.wOut), this.bOut);
};

BeatClassifier.prototype.trainOn = function (seq, oneHot) {
  var self = this;
  var cost = self.optimizer.minimize(function () {
    return tf.losses.softmaxCrossEntropy(oneHot, self.logits(seq));
  }, true);
  var v = cost.dataSync()[0];
  cost.dispose();
  return v;
};

BeatClassifier.prototype.classify = function (seq) {
  var self = this;
  return tf.tidy(function () {
    return tf.argMax(self.logits(seq), 1).arraySync();
  });
};

module.exports = { IndRNNCell: IndRNNCell, BeatClassifier: BeatClassifier, runCell: runCell };
