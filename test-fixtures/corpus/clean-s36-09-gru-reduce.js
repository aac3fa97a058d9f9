// expect: none
// ES5 prototype GRU cell with a reduce-based unroll, trained with variableGrads in a CommonJS package.
'use strict';

var tf = require('@tensorflow/tfjs');

function GRUCell(inputSize, units) {
  var self = this;
  self.units = units;
  function w(r, c) { return tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r))); }
  self.wz = w(inputSize, units); self.uz = w(units, units); self.bz = tf.variable(tf.zeros([units]));
  self.wr = w(inputSize, units); self.ur = w(units, units); self.br = tf.variable(tf.zeros([units]));
  self.wn = w(inputSize, units); self.un = w(units, units); self.bn = tf.variable(tf.zeros([units]));
}

GRUCell.prototype.variables = function () {
  return [this.wz, this.uz, this.bz, this.wr, this.ur, this.br, this.wn, this.un, this.bn];
};

/**
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 * @returns {tf.Tensor2D}
 */
GRUCell.prototype.step = function (x, h) {
  var self = this;
  var z = tf.sigmoid(tf.matMul(x, self.wz).add(tf.matMul(h, self.uz)).add(self.bz));
  var r = tf.sigmoid(tf.matMul(x, self.wr).add(tf.matMul(h, self.ur)).add(self.br));
  var n = tf.tanh(tf.matMul(x, self.wn).add(tf.matMul(r.mul(h), self.un)).add(self.bn));
  return tf.sub(1, z).mul(n).add(z.mul(h));
};

function Regressor(inputSize, units, lr) {
  this.cell = new GRUCell(inputSize, units);
  this.wo = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
  this.bo = tf.variable(tf.zeros([1]));
  this.optimizer = tf.train.adam(lr || 0.005);
}

Regressor.prototype.forward = function (seqs) {
  var self = this;
  var h0 = tf.zeros([seqs.shape[0], self.cell.units]);
  var hLast = tf.unstack(seqs, 1).reduce(function (h, x) {
    return self.cell.step(x, h);
  }, h0);
  return tf.matMul(hLast, self.wo).add(self.bo);
};

Regressor.prototype.fitBatch = function (seqs, targets) {
  var self = this;
  var vars = self.cell.variables().concat([self.wo, self.bo]);
  var res = tf.variableGrads(function () {
    return tf.losses.huberLoss(targets, self.forward(seqs));
  }, vars);
  self.optimizer.applyGradients(res.grads);
  var loss = res.value.dataSync()[0];
  res.value.dispose();
  Object.keys(res.grads).forEach(function (k) { res.grads[k].dispose(); });
  return loss;
};

Regressor.prototype.predict = function (seqs) {
  var self = this;
  return tf.tidy(function () { return self.forward(seqs); });
};

Regressor.prototype.fit = function (dataset, epochs, cb) {
  var self = this;
  var history = [];
  for (var e = 0; e < epochs; e++) {
    var sum = 0;
    dataset.forEach(function (batch) {
      sum += tf.tidy(function () { return self.fitBatch(batch.xs, batch.ys); });
    });
    history.push(sum / dataset.length);
  }
  if (cb) return cb(null, history);
  return history;
};

exports.GRUCell = GRUCell;
exports.Regressor = Regressor;
