// expect: unused-hidden-state
// Small Elman RNN classifier written as an ES5 constructor and exported for a CommonJS sentiment demo.
'use strict';

var tf = require('@tensorflow/tfjs');

var DEFAULTS = {
  inputSize: 16,
  hiddenSize: 32,
  outputSize: 2,
  initScale: 0.1,
  learningRate: 0.01
};

function ElmanRNN(opts) {
  var o = Object.assign({}, DEFAULTS, opts || {});
  this.opts = o;
  this.wx = tf.variable(tf.randomNormal([o.inputSize, o.hiddenSize], 0, o.initScale));
  this.wh = tf.variable(tf.randomNormal([o.hiddenSize, o.hiddenSize], 0, o.initScale));
  this.bh = tf.variable(tf.zeros([o.hiddenSize]));
  this.wy = tf.variable(tf.randomNormal([o.hiddenSize, o.outputSize], 0, o.initScale));
  this.by = tf.variable(tf.zeros([o.outputSize]));
  this.optimizer = tf.train.adam(o.learningRate);
}

ElmanRNN.prototype.initialState = function (batch) {
  return tf.zeros([batch, this.opts.hiddenSize]);
};

/**
 * One recurrent step.
 * @param {tf.Tensor2D} x  [batch, inputSize]
 * @param {tf.Tensor2D} h  [batch, hiddenSize]
 */
ElmanRNN.prototype.step = function (x, h) {
  var self = this;
  var recurrent = tf.matMul(h, self.wh);
  var drive = tf.matMul(x, self.wx);
  var hNext = tf.tanh(tf.add(drive, self.bh));
  return hNext;
};

/**
 * @param {tf.Tensor3D} seqs [batch, time, inputSize]
 * @returns {tf.Tensor2D} logits [batch, outputSize]
 */
ElmanRNN.prototype.forward = function (seqs) {
  var self = this;
  var batch = seqs.shape[0];
  var frames = tf.unstack(seqs, 1);
  var h = self.initialState(batch);
  for (var t = 0; t < frames.length; t++) {
    h = self.step(frames[t], h);
  }
  return tf.add(tf.matMul(h, self.wy), self.by);
};

ElmanRNN.prototype.trainBatch = function (seqs, labels) {
  var self = this;
  var cost = self.optimizer.minimize(function () {
    var logits = self.forward(seqs);
    return tf.losses.softmaxCrossEntropy(labels, logits);
  }, true);
  var value = cost.dataSync()[0];
  cost.dispose();
  return value;
};

ElmanRNN.prototype.predict = function (seqs) {
  var self = this;
  return tf.tidy(function () {
    return tf.softmax(self.forward(seqs));
  });
};

ElmanRNN.prototype.fit = function (batches, epochs, onEpoch) {
  var self = this;
  for (var e = 0; e < epochs; e++) {
    var total = 0;
    batches.forEach(function (b) {
      total += self.trainBatch(b.xs, b.ys);
    });
    if (typeof onEpoch === 'function') {
      onEpoch(e, total / batches.length);
    }
  }
  return self;
};

ElmanRNN.prototype.dispose = function () {
  [this.wx, this.wh, this.bh, this.wy, this.by].forEach(function (v) { v.dispose(); });
};

module.exports = ElmanRNN;
module.exports.DEFAULTS = DEFAULTS;
