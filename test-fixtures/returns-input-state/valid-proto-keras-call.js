// A Keras-style GRU cell object in ES5: call(inputs, states) returns [output, newStates]; the output is the new state.
var tf = require('@tensorflow/tfjs');

function GRUCell(units, inputSize) {
  this.units = units;
  this.kernel = tf.randomNormal([inputSize, 3 * units]);
  this.recurrentKernel = tf.randomNormal([units, 3 * units]);
}

GRUCell.prototype.call = function (inputs, states) {
  var self = this;
  return tf.tidy(function () {
    var h = states[0];
    var xs = tf.split(tf.matMul(inputs, self.kernel), 3, 1);
    var hs = tf.split(tf.matMul(h, self.recurrentKernel), 3, 1);
    var z = tf.sigmoid(xs[0].add(hs[0]));
    var r = tf.sigmoid(xs[1].add(hs[1]));
    var hTilde = tf.tanh(xs[2].add(r.mul(hs[2])));
    var hNew = tf.sub(1, z).mul(hTilde).add(z.mul(h));
    return [hNew, [hNew]];
  });
};

module.exports = { GRUCell: GRUCell };
