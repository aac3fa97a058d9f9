// expect: unused-hidden-state
// Smooths wrist heart-rate samples with a tiny Elman network before the training-zone classifier sees them.
var tf = require('@tensorflow/tfjs');

function ElmanSmoother(hiddenSize, seed) {
  this.hiddenSize = hiddenSize;
  this.Wx = tf.variable(tf.randomNormal([2, hiddenSize], 0, 0.5, 'float32', seed));
  this.Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.5, 'float32', seed + 1));
  this.b = tf.variable(tf.zeros([hiddenSize]));
  this.Wo = tf.variable(tf.randomNormal([hiddenSize, 1], 0, 0.5, 'float32', seed + 2));
}

ElmanSmoother.prototype.zeroState = function () {
  return tf.zeros([1, this.hiddenSize]);
};

ElmanSmoother.prototype.step = function (sample, h) {
  var self = this;
  return tf.tidy(function () {
    var x = tf.tensor2d([[(sample.bpm - 70) / 30, sample.confidence]]);
    var inputPart = tf.matMul(x, self.Wx);
    var recurrentPart = tf.matMul(h, self.Wh);
    var pre = tf.add(inputPart, self.b);
    pre.add(recurrentPart);
    var hNext = tf.tanh(pre);
    var bpm = tf.matMul(hNext, self.Wo).mul(30).add(70);
    return { h: hNext, bpm: bpm };
  });
};

ElmanSmoother.prototype.smooth = function (samples) {
  var self = this;
  var h = this.zeroState();
  var out = [];
  samples.forEach(function (s) {
    var r = self.step(s, h);
    h.dispose();
    h = r.h;
    out.push(r.bpm.dataSync()[0]);
    r.bpm.dispose();
  });
  h.dispose();
  return out;
};

function zoneOf(bpm, maxHr) {
  var pct = bpm / maxHr;
  if (pct < 0.6) return 1;
  if (pct < 0.7) return 2;
  if (pct < 0.8) return 3;
  if (pct < 0.9) return 4;
  return 5;
}

function summarizeWorkout(smoother, samples, maxHr) {
  var smoothed = smoother.smooth(samples);
  var minutesInZone = [0, 0, 0, 0, 0];
  smoothed.forEach(function (bpm) {
    minutesInZone[zoneOf(bpm, maxHr) - 1] += 1 / 60;
  });
  return { smoothed: smoothed, minutesInZone: minutesInZone };
}

module.exports = { ElmanSmoother: ElmanSmoother, summarizeWorkout: summarizeWorkout };

if (require.main === module) {
  var samples = [];
  for (var t = 0; t < 180; t++) {
    var base = 95 + 50 * Math.min(1, t / 90);
    samples.push({ bpm: base + (t % 17 === 0 ? 25 : 0), confidence: t % 17 === 0 ? 0.2 : 0.9 });
  }
  var smoother = new ElmanSmoother(8, 3);
  var result = summarizeWorkout(smoother, samples, 190);
  console.log('zones (min):', result.minutesInZone.map(function (m) { return m.toFixed(2); }).join(', '));
  console.log('first smoothed:', result.smoothed.slice(0, 5).map(function (v) { return v.toFixed(1); }).join(' '));
}
