// expect: returns-input-state
// Keras-style GRU cell object in ES5, plus a generic rnn() loop that works with any list-of-states cell.
var tf = require('@tensorflow/tfjs');

/**
 * @constructor
 * @param {{units: number, inputDim: number, seed?: number}} config
 */
function GRUCell(config) {
  var seed = config.seed || 1;
  this.units = config.units;
  this.stateSize = [config.units];
  this.kernel = tf.variable(tf.randomNormal([config.inputDim, 3 * config.units], 0, 0.3, 'float32', seed));
  this.recurrentKernel = tf.variable(tf.randomNormal([config.units, 3 * config.units], 0, 0.3, 'float32', seed + 1));
  this.bias = tf.variable(tf.zeros([3 * config.units]));
}

GRUCell.prototype.getInitialState = function (batch) {
  return this.stateSize.map(function (n) { return tf.zeros([batch, n]); });
};

/**
 * @param {tf.Tensor2D} inputs
 * @param {tf.Tensor2D[]} states
 * @returns {[tf.Tensor2D, tf.Tensor2D[]]} [output, newStates]
 */
GRUCell.prototype.call = function (inputs, states) {
  var self = this;
  return tf.tidy(function () {
    var h = states[0];
    var xParts = tf.split(inputs.matMul(self.kernel).add(self.bias), 3, 1);
    var hParts = tf.split(h.matMul(self.recurrentKernel), 3, 1);
    var z = tf.sigmoid(xParts[0].add(hParts[0]));
    var r = tf.sigmoid(xParts[1].add(hParts[1]));
    var hh = tf.tanh(xParts[2].add(r.mul(hParts[2])));
    var hNew = z.mul(h).add(tf.sub(1, z).mul(hh));
    return [hNew, [h]];
  });
};

GRUCell.prototype.getWeights = function () {
  return [this.kernel, this.recurrentKernel, this.bias];
};

/**
 * Unrolls `cell` over [batch, time, features].
 * @param {{call: Function, getInitialState: Function}} cell
 * @param {tf.Tensor3D} inputs
 * @param {{initialStates?: tf.Tensor2D[], returnSequences?: boolean}} [options]
 */
function rnn(cell, inputs, options) {
  options = options || {};
  var steps = tf.unstack(inputs, 1);
  var states = options.initialStates || cell.getInitialState(inputs.shape[0]);
  var outputs = [];
  steps.forEach(function (x) {
    var res = cell.call(x, states);
    outputs.push(res[0]);
    states = res[1];
    x.dispose();
  });
  var result = options.returnSequences
    ? tf.stack(outputs, 1)
    : outputs[outputs.length - 1].clone();
  tf.dispose(outputs);
  return { output: result, states: states };
}

module.exports = { GRUCell: GRUCell, rnn: rnn };
