// expect: none
// GRU sequence encoder written in plain ES5 so it can be dropped into older bundler setups.
var tf = require('@tensorflow/tfjs');

/**
 * @constructor
 * @param {number} inputSize
 * @param {number} units
 * @param {{scale?: number, seed?: number}} [opts]
 */
function GRUEncoder(inputSize, units, opts) {
  opts = opts || {};
  var scale = opts.scale || 0.2;
  var seed = opts.seed || 11;
  function w(rows, cols, k) {
    return tf.variable(tf.randomNormal([rows, cols], 0, scale, 'float32', seed + k));
  }
  this.units = units;
  this.Wz = w(inputSize, units, 0); this.Uz = w(units, units, 1); this.bz = tf.variable(tf.zeros([units]));
  this.Wr = w(inputSize, units, 2); this.Ur = w(units, units, 3); this.br = tf.variable(tf.zeros([units]));
  this.Wh = w(inputSize, units, 4); this.Uh = w(units, units, 5); this.bh = tf.variable(tf.zeros([units]));
}

GRUEncoder.prototype.zeroState = function (batch) {
  return tf.zeros([batch, this.units]);
};

/**
 * One step. z decides how much of the candidate replaces the previous state.
 * @param {tf.Tensor2D} x [batch, inputSize]
 * @param {tf.Tensor2D} h [batch, units]
 * @returns {tf.Tensor2D}
 */
GRUEncoder.prototype.step = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var z = tf.sigmoid(x.matMul(self.Wz).add(h.matMul(self.Uz)).add(self.bz));
    var r = tf.sigmoid(x.matMul(self.Wr).add(h.matMul(self.Ur)).add(self.br));
    var hTilde = tf.tanh(x.matMul(self.Wh).add(r.mul(h).matMul(self.Uh)).add(self.bh));
    return tf.sub(1, z).mul(h).add(z.mul(hTilde));
  });
};

/**
 * Encodes one batch [batch, time, features] into its final state.
 * @param {tf.Tensor3D} seq
 * @returns {tf.Tensor2D}
 */
GRUEncoder.prototype.encode = function (seq) {
  var steps = tf.unstack(seq, 1);
  var h = this.zeroState(seq.shape[0]);
  for (var t = 0; t < steps.length; t++) {
    var next = this.step(steps[t], h);
    h.dispose();
    h = next;
    steps[t].dispose();
  }
  return h;
};

/**
 * Encodes several independent batches; each one starts from a zero state.
 * @param {tf.Tensor3D[]} batches
 * @returns {tf.Tensor2D[]}
 */
GRUEncoder.prototype.encodeAll = function (batches) {
  var self = this;
  return batches.map(function (b) { return self.encode(b); });
};

GRUEncoder.prototype.getWeights = function () {
  return [this.Wz, this.Uz, this.bz, this.Wr, this.Ur, this.br, this.Wh, this.Uh, this.bh];
};

GRUEncoder.prototype.dispose = function () {
  tf.dispose(this.getWeights());
};

module.exports = GRUEncoder;
