// expect: returns-input-state
// Stacked GRU layers in ES5 prototype style for the legacy dashboard bundle (no build step, plain script tags).
var tf = require('@tensorflow/tfjs');

function Cell(inputSize, hiddenSize) {
  this.inputSize = inputSize;
  this.hiddenSize = hiddenSize;
}
Cell.prototype.initHidden = function (batch) {
  return tf.zeros([batch, this.hiddenSize]);
};
Cell.prototype.param = function (rows, cols) {
  return tf.variable(tf.randomNormal([rows, cols], 0, 1 / Math.sqrt(rows)));
};

function GRUCell(inputSize, hiddenSize) {
  Cell.call(this, inputSize, hiddenSize);
  this.weightIh = this.param(inputSize, 3 * hiddenSize);
  this.weightHh = this.param(hiddenSize, 3 * hiddenSize);
  this.biasIh = tf.variable(tf.zeros([3 * hiddenSize]));
}
GRUCell.prototype = Object.create(Cell.prototype);
GRUCell.prototype.constructor = GRUCell;

GRUCell.prototype.forward = function (input, hidden) {
  var self = this;
  return tf.tidy(function () {
    var gi = tf.split(tf.add(tf.matMul(input, self.weightIh), self.biasIh), 3, 1);
    var gh = tf.split(tf.matMul(hidden, self.weightHh), 3, 1);
    var resetGate = tf.sigmoid(tf.add(gi[0], gh[0]));
    var updateGate = tf.sigmoid(tf.add(gi[1], gh[1]));
    var newGate = tf.tanh(tf.add(gi[2], tf.mul(resetGate, gh[2])));
    var hNext = tf.add(newGate, tf.mul(updateGate, tf.sub(hidden, newGate)));
    return { output: hNext, hidden: hidden };
  });
};

function GRULayer(inputSize, hiddenSize, numLayers) {
  this.cells = [];
  for (var l = 0; l < numLayers; l++) {
    this.cells.push(new GRUCell(l === 0 ? inputSize : hiddenSize, hiddenSize));
  }
}

// steps: array of [batch, features]; hiddens: optional array with one [batch, hidden] per layer
GRULayer.prototype.forward = function (steps, hiddens) {
  var cells = this.cells;
  var batch = steps[0].shape[0];
  var hs = hiddens ? hiddens.slice() : cells.map(function (c) { return c.initHidden(batch); });
  var outputs = [];
  for (var t = 0; t < steps.length; t++) {
    var x = steps[t];
    for (var l = 0; l < cells.length; l++) {
      var res = cells[l].forward(x, hs[l]);
      hs[l] = res.hidden;
      x = res.output;
    }
    outputs.push(x);
  }
  return { outputs: outputs, hiddens: hs };
};

function trendScore(layer, readout, series) {
  return tf.tidy(function () {
    var steps = tf.unstack(series, 1);
    var result = layer.forward(steps);
    var top = result.hiddens[result.hiddens.length - 1];
    return tf.sigmoid(tf.matMul(top, readout)).squeeze([1]);
  });
}

module.exports = { Cell: Cell, GRUCell: GRUCell, GRULayer: GRULayer, trendScore: trendScore };

if (require.main === module) {
  var layer = new GRULayer(3, 16, 2);
  var readout = tf.variable(tf.randomNormal([16, 1], 0, 0.3));
  trendScore(layer, readout, tf.randomNormal([4, 25, 3])).print();
}
