// expect: returns-input-state
// Smart-meter feed: a prototype-based event emitter pushes kWh readings through a GRU cell and emits load forecasts.
var tf = require('@tensorflow/tfjs');

function Emitter() {
  this._events = {};
}
Emitter.prototype.on = function (type, fn) {
  (this._events[type] || (this._events[type] = [])).push(fn);
  return this;
};
Emitter.prototype.emit = function (type) {
  var args = Array.prototype.slice.call(arguments, 1);
  var list = (this._events[type] || []).slice();
  for (var i = 0; i < list.length; i++) list[i].apply(this, args);
};

function GRUCell(inputSize, units, seed) {
  this.units = units;
  this.Wx = tf.randomNormal([inputSize, 3 * units], 0, 0.3, 'float32', seed);
  this.Wh = tf.randomNormal([units, 3 * units], 0, 0.3, 'float32', seed + 1);
  this.Wout = tf.randomNormal([units, 1], 0, 0.4, 'float32', seed + 2);
}

GRUCell.prototype.step = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var xs = tf.split(x.matMul(self.Wx), 3, 1);
    var hs = tf.split(h.matMul(self.Wh), 3, 1);
    var z = tf.sigmoid(xs[0].add(hs[0]));
    var r = tf.sigmoid(xs[1].add(hs[1]));
    var n = tf.tanh(xs[2].add(r.mul(hs[2])));
    var hNext = tf.scalar(1).sub(z).mul(n).add(z.mul(h));
    var y = hNext.matMul(self.Wout);
    return { output: y, state: h };
  });
};

function MeterForecaster(cell) {
  Emitter.call(this);
  this.cell = cell;
  this.state = tf.zeros([1, cell.units]);
  this.count = 0;
  var self = this;
  this.on('reading', function (r) {
    self.ingest(r);
  });
}
MeterForecaster.prototype = Object.create(Emitter.prototype);
MeterForecaster.prototype.constructor = MeterForecaster;

MeterForecaster.prototype.ingest = function (reading) {
  var x = tf.tensor2d([[reading.kwh / 5, Math.sin((2 * Math.PI * reading.hour) / 24), Math.cos((2 * Math.PI * reading.hour) / 24)]]);
  var res = this.cell.step(x, this.state);
  x.dispose();
  if (res.state !== this.state) this.state.dispose();
  this.state = res.state;
  this.count += 1;
  var next = res.output.dataSync()[0] * 5;
  res.output.dispose();
  this.emit('forecast', { hour: (reading.hour + 1) % 24, kwh: next });
};

MeterForecaster.prototype.close = function () {
  this.state.dispose();
  this._events = {};
};

module.exports = { GRUCell: GRUCell, MeterForecaster: MeterForecaster };

if (require.main === module) {
  var meter = new MeterForecaster(new GRUCell(3, 10, 90));
  meter.on('forecast', function (f) {
    console.log('h' + f.hour + ': ' + f.kwh.toFixed(3) + ' kWh');
  });
  [0.4, 0.3, 0.3, 0.5, 1.2, 2.1, 1.8].forEach(function (kwh, hour) {
    meter.emit('reading', { kwh: kwh, hour: hour });
  });
  meter.close();
}
