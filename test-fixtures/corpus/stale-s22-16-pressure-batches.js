// expect: stale-state
// Scores each batch of pressure readings posted by the edge gateway against a recurrent next-value model.
var tf = require('@tensorflow/tfjs');

function PressureCell(units) {
  this.units = units;
  this.Wx = tf.randomNormal([1, units], 0, 0.5, 'float32', 111);
  this.Wh = tf.randomNormal([units, units], 0, 0.3, 'float32', 112);
  this.b = tf.zeros([units]);
  this.Wy = tf.randomNormal([units, 1], 0, 0.5, 'float32', 113);
}

PressureCell.prototype.step = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var hNew = tf.tanh(x.matMul(self.Wx).add(h.matMul(self.Wh)).add(self.b));
    return { y: hNew.matMul(self.Wy), h: hNew };
  });
};

function BatchScorer(cell, scale) {
  this.cell = cell;
  this.scale = scale || 10;
}

BatchScorer.prototype.initialState = function () {
  return tf.zeros([1, this.cell.units]);
};

BatchScorer.prototype.score = function (readings) {
  var self = this;
  var h = this.initialState();
  var errors = [];
  readings.forEach(function (bar, i) {
    if (i === readings.length - 1) return;
    var x = tf.tensor2d([[bar / self.scale]]);
    var out = self.cell.step(x, h);
    var predicted = out.y.dataSync()[0] * self.scale;
    errors.push(Math.abs(predicted - readings[i + 1]));
    tf.dispose([x, out.y]);
  });
  h.dispose();
  return errors;
};

function handleBatch(scorer, body) {
  var payload = typeof body === 'string' ? JSON.parse(body) : body;
  var errors = scorer.score(payload.readings);
  var mean = errors.reduce(function (a, e) { return a + e; }, 0) / (errors.length || 1);
  var maxErr = Math.max.apply(null, errors);
  return {
    station: payload.station,
    meanAbsError: mean,
    maxAbsError: maxErr,
    suspicious: maxErr > 4 * mean,
  };
}

module.exports = { PressureCell: PressureCell, BatchScorer: BatchScorer, handleBatch: handleBatch };

if (require.main === module) {
  var scorer = new BatchScorer(new PressureCell(10), 8);
  var readings = [];
  for (var t = 0; t < 30; t++) readings.push(5 + Math.sin(t / 4) + (t === 22 ? 2.5 : 0));
  console.log(handleBatch(scorer, JSON.stringify({ station: 'ps-04', readings: readings })));
}
