// expect: stale-state
// ES5 helper object for our dashboard widget: runs an Elman network over a series and keeps the last hidden state.
var tf = require('@tensorflow/tfjs');

function SeriesEncoder(opts) {
  opts = opts || {};
  this.units = opts.units || 8;
  this.inputSize = opts.inputSize || 1;
  this.Wx = tf.randomNormal([this.inputSize, this.units], 0, 0.5, 'float32', 31);
  this.Wh = tf.randomNormal([this.units, this.units], 0, 0.5, 'float32', 32);
  this.b = tf.zeros([this.units]);
  this.lastHidden = null;
}

SeriesEncoder.prototype.initial = function (batch) {
  return tf.zeros([batch, this.units]);
};

SeriesEncoder.prototype.step = function (x, h) {
  var Wx = this.Wx, Wh = this.Wh, b = this.b;
  return tf.tidy(function () {
    return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b));
  });
};

SeriesEncoder.prototype.encode = function (series) {
  var batch = series.length;
  var steps = series[0].length;
  var h = this.initial(batch);
  var outputs = [];
  var t, column, x, hNew;
  for (t = 0; t < steps; t++) {
    column = [];
    for (var i = 0; i < batch; i++) column.push([series[i][t]]);
    x = tf.tensor2d(column);
    hNew = this.step(x, h);
    outputs.push(hNew);
    if (this.lastHidden) this.lastHidden.dispose();
    this.lastHidden = hNew.clone();
    x.dispose();
  }
  h.dispose();
  return outputs;
};

SeriesEncoder.prototype.summary = function (series) {
  var outs = this.encode(series);
  var stacked = tf.stack(outs, 1);
  var mean = stacked.mean(1);
  var result = mean.arraySync();
  tf.dispose(outs);
  tf.dispose([stacked, mean]);
  return result;
};

SeriesEncoder.prototype.dispose = function () {
  tf.dispose([this.Wx, this.Wh, this.b]);
  if (this.lastHidden) this.lastHidden.dispose();
};

module.exports = SeriesEncoder;
