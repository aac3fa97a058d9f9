// expect: returns-input-state
// Glucose trend predictor for the CGM companion app: GRU over 5-minute readings, one state per patient.
var tf = require('@tensorflow/tfjs');

function GlucoseGRU(units) {
  this.units = units;
  var init = function (shape, seed) { return tf.randomNormal(shape, 0, 0.3, 'float32', seed); };
  this.Wz = init([2, units], 141); this.Uz = init([units, units], 142); this.bz = tf.zeros([units]);
  this.Wr = init([2, units], 143); this.Ur = init([units, units], 144); this.br = tf.zeros([units]);
  this.Wh = init([2, units], 145); this.Uh = init([units, units], 146); this.bh = tf.zeros([units]);
  this.Wy = init([units, 1], 147); this.by = tf.zeros([1]);
}

GlucoseGRU.prototype.step = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var z = tf.sigmoid(x.matMul(self.Wz).add(h.matMul(self.Uz)).add(self.bz));
    var r = tf.sigmoid(x.matMul(self.Wr).add(h.matMul(self.Ur)).add(self.br));
    var hTilde = tf.tanh(x.matMul(self.Wh).add(r.mul(h).matMul(self.Uh)).add(self.bh));
    var hOut = tf.sub(1, z).mul(h).add(z.mul(hTilde));
    var y = hOut.matMul(self.Wy).add(self.by);
    return [y, h];
  });
};

function PatientStreams(model) {
  this.model = model;
  this.state = {};
  this.lastAt = {};
}

PatientStreams.prototype.onReading = function (patientId, mgdl, minutesSinceMeal) {
  var h = this.state[patientId] || tf.zeros([1, this.model.units]);
  var x = tf.tensor2d([[(mgdl - 120) / 50, Math.min(minutesSinceMeal, 240) / 240]]);
  var res = this.model.step(x, h);
  x.dispose();
  this.state[patientId] = res[1];
  this.lastAt[patientId] = Date.now();
  var next = res[0].dataSync()[0] * 50 + 120;
  res[0].dispose();
  return next;
};

PatientStreams.prototype.trend = function (patientId, readings) {
  var self = this;
  var forecasts = readings.map(function (r) {
    return self.onReading(patientId, r.mgdl, r.minutesSinceMeal);
  });
  var last = readings[readings.length - 1].mgdl;
  var predicted = forecasts[forecasts.length - 1];
  var arrow = predicted - last > 10 ? 'rising' : predicted - last < -10 ? 'falling' : 'steady';
  return { predicted: predicted, arrow: arrow };
};

PatientStreams.prototype.logout = function (patientId) {
  if (this.state[patientId]) this.state[patientId].dispose();
  delete this.state[patientId];
  delete this.lastAt[patientId];
};

module.exports = { GlucoseGRU: GlucoseGRU, PatientStreams: PatientStreams };

if (require.main === module) {
  var streams = new PatientStreams(new GlucoseGRU(8));
  var readings = [];
  for (var k = 0; k < 24; k++) readings.push({ mgdl: 110 + 4 * k, minutesSinceMeal: 5 * k });
  console.log(streams.trend('p-301', readings));
  streams.logout('p-301');
}
