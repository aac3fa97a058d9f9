// expect: unused-hidden-state, tidy-disposed-state
// Accelerometer step-counter RNN (ES5 for the watch runtime): a base cell, a normalised-input variant, and a streamer.
var tf = require('@tensorflow/tfjs');

function RNNCell(inputDim, units, seed) {
  this.inputDim = inputDim;
  this.units = units;
  seed = seed || 30;
  this.W = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed));
  this.U = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
  this.b = tf.variable(tf.zeros([units]));
  this.Wr = tf.variable(tf.randomNormal([units, 1], 0, 0.4, 'float32', seed + 2));
}

RNNCell.prototype.zeros = function (batch) {
  return tf.zeros([batch, this.units]);
};

RNNCell.prototype.preactivation = function (x, h) {
  return tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
};

RNNCell.prototype.step = function (x, h) {
  return tf.tanh(this.preactivation(x, h));
};

RNNCell.prototype.readout = function (h) {
  return tf.sigmoid(tf.matMul(h, this.Wr));
};

function NormalizedInputCell(inputDim, units, seed, stats) {
  RNNCell.call(this, inputDim, units, seed);
  this.mean = tf.tensor1d(stats.mean);
  this.std = tf.tensor1d(stats.std);
}

NormalizedInputCell.prototype = Object.create(RNNCell.prototype);
NormalizedInputCell.prototype.constructor = NormalizedInputCell;

NormalizedInputCell.prototype.preactivation = function (x, h) {
  var xn = tf.div(tf.sub(x, this.mean), this.std);
  return tf.add(tf.matMul(xn, this.W), this.b);
};

function makeStreamer(cell) {
  var h = null;
  return {
    push: function (sample) {
      return tf.tidy(function () {
        var x = tf.tensor2d([sample]);
        var next = cell.step(x, h || cell.zeros(1));
        h = next;
        return cell.readout(next).dataSync()[0];
      });
    },
    currentState: function () {
      return h ? h.arraySync()[0] : null;
    }
  };
}

module.exports = { RNNCell: RNNCell, NormalizedInputCell: NormalizedInputCell, makeStreamer: makeStreamer };

if (require.main === module) {
  var cell = new NormalizedInputCell(3, 5, 30, { mean: [0, 0, 9.8], std: [2, 2, 2] });
  var s = makeStreamer(cell);
  [[0.1, 0.3, 9.9], [1.5, -0.2, 11.0], [0.4, 0.1, 9.0]].forEach(function (a) {
    console.log('p(step)=', s.push(a).toFixed(4));
  });
  console.log('state', s.currentState());
}
