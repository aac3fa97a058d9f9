// expect: none
// "Teach it your rhythm" page: hit the train button and an Elman RNN learns to continue your tapped beat pattern.
var tf = require('@tensorflow/tfjs');

function RhythmRnn(units, seed) {
  this.units = units;
  this.wx = tf.variable(tf.randomNormal([1, units], 0, 0.5, 'float32', seed));
  this.wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1));
  this.b = tf.variable(tf.zeros([units]));
  this.wy = tf.variable(tf.randomNormal([units, 1], 0, 0.5, 'float32', seed + 2));
  this.optimizer = tf.train.adam(0.02);
}

RhythmRnn.prototype.unroll = function (seq) {
  var h = tf.zeros([1, this.units]);
  var preds = [];
  for (var t = 0; t < seq.length - 1; t++) {
    var x = tf.tensor2d([[seq[t]]]);
    h = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(h, this.wh)).add(this.b));
    preds.push(tf.sigmoid(tf.matMul(h, this.wy)));
  }
  return tf.concat(preds, 0);
};

RhythmRnn.prototype.trainStep = function (sequences) {
  var self = this;
  var result = tf.variableGrads(function () {
    var losses = sequences.map(function (seq) {
      var target = tf.tensor2d(seq.slice(1).map(function (v) { return [v]; }));
      return tf.losses.logLoss(target, self.unroll(seq));
    });
    return tf.addN(losses).div(sequences.length);
  });
  this.optimizer.applyGradients(result.grads);
  var loss = result.value.dataSync()[0];
  tf.dispose(result.grads);
  result.value.dispose();
  return loss;
};

RhythmRnn.prototype.continueBeat = function (seed, steps) {
  var self = this;
  return tf.tidy(function () {
    var h = tf.zeros([1, self.units]);
    var out = [];
    var last = 0;
    for (var t = 0; t < seed.length + steps - 1; t++) {
      var v = t < seed.length ? seed[t] : last;
      h = tf.tanh(tf.matMul(tf.tensor2d([[v]]), self.wx).add(tf.matMul(h, self.wh)).add(self.b));
      last = tf.sigmoid(tf.matMul(h, self.wy)).dataSync()[0] > 0.5 ? 1 : 0;
      if (t >= seed.length - 1) out.push(last);
    }
    return out;
  });
};

function setupPage(doc) {
  var rnn = new RhythmRnn(10, 201);
  var taps = [];
  doc.getElementById('pad').addEventListener('click', function () { taps.push(1); });
  doc.getElementById('rest').addEventListener('click', function () { taps.push(0); });
  doc.getElementById('train').addEventListener('click', function () {
    var seqs = [];
    for (var i = 0; i + 8 <= taps.length; i += 4) seqs.push(taps.slice(i, i + 8));
    if (!seqs.length) return;
    for (var e = 0; e < 60; e++) rnn.trainStep(seqs);
    doc.getElementById('out').textContent = rnn.continueBeat(taps.slice(-8), 8).join(' ');
  });
}

if (typeof document !== 'undefined') setupPage(document);
module.exports = { RhythmRnn: RhythmRnn, setupPage: setupPage };
