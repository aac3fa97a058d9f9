// expect: stacked-activation
// ijavascript notebook: melody RNN that generates short phrases at a few temperatures, written in the old ES5 style.
var tf = require('@tensorflow/tfjs');

// --- cell 1: constructor ---
function MelodyRNN(nNotes, units, seed) {
  this.nNotes = nNotes;
  this.units = units;
  this.Wx = tf.randomNormal([nNotes, units], 0, 0.6, 'float32', seed);
  this.Wh = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
  this.Wo = tf.randomNormal([units, nNotes], 0, 2.0, 'float32', seed + 2);
  this.bo = tf.zeros([nNotes]);
}

MelodyRNN.prototype.zeroState = function () {
  return tf.zeros([1, this.units]);
};

MelodyRNN.prototype.step = function (note, h) {
  var self = this;
  return tf.tidy(function () {
    var x = tf.oneHot([note], self.nNotes).toFloat();
    return tf.tanh(tf.add(tf.matMul(x, self.Wx), tf.matMul(h, self.Wh)));
  });
};

MelodyRNN.prototype.predictNext = function (h) {
  var self = this;
  return tf.tidy(function () {
    return tf.softmax(tf.add(tf.matMul(h, self.Wo), self.bo));
  });
};

// --- cell 2: sampling helper ---
function sampleWithTemperature(model, h, temperature, seed) {
  return tf.tidy(function () {
    var probs = tf.softmax(tf.div(model.predictNext(h), temperature));
    return tf.multinomial(probs, 1, seed, true).dataSync()[0];
  });
}

// --- cell 3: generate a phrase ---
var NAMES = ['C', 'D', 'E', 'F', 'G', 'A', 'B', 'c'];
var rnn = new MelodyRNN(NAMES.length, 12, 5);

function generate(seedNote, length, temperature) {
  var h = rnn.zeroState();
  var note = seedNote;
  var out = [NAMES[note]];
  for (var i = 0; i < length; i++) {
    var hNext = rnn.step(note, h);
    h.dispose();
    h = hNext;
    note = sampleWithTemperature(rnn, h, temperature, 100 + i);
    out.push(NAMES[note]);
  }
  h.dispose();
  return out.join(' ');
}

// --- cell 4: compare temperatures ---
var rows = [];
[0.2, 0.5, 1.0].forEach(function (t) {
  rows.push({ temperature: t, phrase: generate(0, 15, t) });
});
console.table(rows);

// --- cell 5: how peaked is the next-note distribution right after the seed note? ---
var h0 = rnn.step(0, rnn.zeroState());
var p = rnn.predictNext(h0).dataSync();
console.log('top prob after C:', Math.max.apply(null, Array.from(p)).toFixed(3));
console.log('tensors alive:', tf.memory().numTensors);
