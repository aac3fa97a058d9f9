// A word-level GRU cell written in ES5, stepping inside tf.tidy.
var tf = require('@tensorflow/tfjs');

function GRUCell(inputSize, units) {
  this.units = units;
  this.W = tf.randomNormal([inputSize, 3 * units]);
  this.U = tf.randomNormal([units, 3 * units]);
}

GRUCell.prototype.step = function (x, h) {
  //                                  ~ unused-hidden-state
  var cell = this;
  return tf.tidy(function () {
    var h = h || tf.zeros([x.shape[0], cell.units]);
    var xs = tf.split(tf.matMul(x, cell.W), 3, 1);
    var hs = tf.split(tf.matMul(h, cell.U), 3, 1);
    var z = tf.sigmoid(xs[0].add(hs[0]));
    var r = tf.sigmoid(xs[1].add(hs[1]));
    var cand = tf.tanh(xs[2].add(r.mul(hs[2])));
    return tf.sub(1, z).mul(h).add(z.mul(cand));
  });
};

GRUCell.prototype.run = function (xs) {
  var h = null;
  for (var i = 0; i < xs.length; i++) h = this.step(xs[i], h);
  return h;
};

module.exports = { GRUCell: GRUCell };
