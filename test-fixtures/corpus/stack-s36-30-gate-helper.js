// expect: stacked-activation
// ES5 prototype GRU cell with a shared gate helper, exported for a CommonJS text-normalisation package.
'use strict';

var tf = require('@tensorflow/tfjs');

/**
 * @constructor
 * @param {number} inputSize
 * @param {number} units
 */
function NormGRU(inputSize, units) {
  var self = this;
  self.units = units;
  function mat(r, c) { return tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r))); }
  function vec(n) { return tf.variable(tf.zeros([n])); }
  self.update = { w: mat(inputSize, units), u: mat(units, units), b: vec(units) };
  self.reset = { w: mat(inputSize, units), u: mat(units, units), b: vec(units) };
  self.cand = { w: mat(inputSize, units), u: mat(units, units), b: vec(units) };
}

/**
 * Affine transform of input and state, squashed to (0, 1).
 * @param {{w: tf.Tensor2D, u: tf.Tensor2D, b: tf.Tensor1D}} g
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 */
NormGRU.prototype.gate = function (g, x, h) {
  return tf.sigmoid(tf.add(tf.add(tf.matMul(x, g.w), tf.matMul(h, g.u)), g.b));
};

/**
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 * @returns {tf.Tensor2D}
 */
NormGRU.prototype.step = function (x, h) {
  var self = this;
  var z = tf.sigmoid(self.gate(self.update, x, h));
  var r = self.gate(self.reset, x, h);
  var c = self.cand;
  var n = tf.tanh(tf.add(tf.add(tf.matMul(x, c.w), tf.matMul(tf.mul(r, h), c.u)), c.b));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
};

NormGRU.prototype.zeroState = function (batch) {
  return tf.zeros([batch, this.units]);
};

/**
 * Runs the cell over a batch of one-hot character sequences and returns every hidden state.
 * @param {tf.Tensor3D} chars [batch, time, alphabet]
 * @returns {tf.Tensor3D}
 */
NormGRU.prototype.run = function (chars) {
  var self = this;
  var h = self.zeroState(chars.shape[0]);
  var outs = tf.unstack(chars, 1).map(function (x) {
    h = self.step(x, h);
    return h;
  });
  return tf.stack(outs, 1);
};

NormGRU.prototype.variables = function () {
  var self = this;
  return [self.update, self.reset, self.cand].reduce(function (acc, g) {
    return acc.concat([g.w, g.u, g.b]);
  }, []);
};

exports.NormGRU = NormGRU;

/**
 * @param {NormGRU} gru
 * @param {string[]} words
 * @param {string} alphabet
 */
exports.encodeWords = function (gru, words, alphabet) {
  var maxLen = words.reduce(function (m, w) { return Math.max(m, w.length); }, 1);
  return tf.tidy(function () {
    var ids = words.map(function (w) {
      var row = [];
      for (var i = 0; i < maxLen; i++) row.push(i < w.length ? Math.max(alphabet.indexOf(w[i]), 0) : 0);
      return row;
    });
    var onehot = tf.oneHot(tf.tensor2d(ids, undefined, 'int32'), alphabet.length).toFloat();
    var states = gru.run(onehot);
    return states.slice([0, maxLen - 1, 0], [words.length, 1, gru.units]).squeeze([1]).arraySync();
  });
};
