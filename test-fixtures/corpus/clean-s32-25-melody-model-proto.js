// expect: none
// Next-note model for simple melodies (prototype style): trains on phrases, then reports per-melody surprise scores.
var tf = require('@tensorflow/tfjs');

var NOTES = 8; // one octave of scale degrees
var PHRASES = [
  [0, 2, 4, 5, 7, 5, 4, 2, 0],
  [0, 4, 7, 4, 0, 4, 7, 4, 0],
  [7, 5, 4, 2, 0, 2, 4, 5, 7],
  [0, 0, 4, 4, 5, 5, 4, 2, 2, 0],
];

function MelodyModel(units) {
  this.units = units;
  this.wIn = tf.variable(tf.randomNormal([NOTES, units], 0, 0.3));
  this.wRec = tf.variable(tf.randomNormal([units, units], 0, 0.2));
  this.bias = tf.variable(tf.zeros([units]));
  this.wOut = tf.variable(tf.randomNormal([units, NOTES], 0, 0.3));
  this.state = null;
}

MelodyModel.prototype.resetState = function () {
  if (this.state) this.state.dispose();
  this.state = tf.zeros([1, this.units]);
};

MelodyModel.prototype.cell = function (note, h) {
  var x = tf.oneHot(tf.tensor1d([note], 'int32'), NOTES).toFloat();
  var hNext = tf.tanh(x.matMul(this.wIn).add(h.matMul(this.wRec)).add(this.bias));
  return { h: hNext, logits: hNext.matMul(this.wOut) };
};

MelodyModel.prototype.phraseLoss = function (phrase) {
  var h = tf.zeros([1, this.units]);
  var terms = [];
  for (var t = 0; t + 1 < phrase.length; t++) {
    var out = this.cell(phrase[t], h);
    h = out.h;
    terms.push(tf.losses.softmaxCrossEntropy(tf.oneHot([phrase[t + 1]], NOTES), out.logits));
  }
  return tf.addN(terms).div(terms.length);
};

MelodyModel.prototype.fit = function (phrases, epochs) {
  var self = this;
  var optimizer = tf.train.adam(0.03);
  var ds = tf.data.array(phrases).repeat(4).shuffle(16);
  var chain = Promise.resolve();
  for (var e = 0; e < epochs; e++) {
    chain = chain.then(function (epochIndex) {
      var sum = 0;
      var n = 0;
      return ds.forEachAsync(function (phrase) {
        var loss = optimizer.minimize(function () { return self.phraseLoss(phrase); }, true);
        sum += loss.dataSync()[0];
        n++;
        loss.dispose();
      }).then(function () {
        if (epochIndex % 5 === 4) console.log('epoch ' + (epochIndex + 1) + ': loss ' + (sum / n).toFixed(4));
      });
    }.bind(null, e));
  }
  return chain;
};

// Average negative log-likelihood of each melody, each one scored from a fresh state.
MelodyModel.prototype.surprise = function (melodies) {
  var self = this;
  return melodies.map(function (melody) {
    self.resetState();
    var nll = 0;
    for (var t = 0; t + 1 < melody.length; t++) {
      var logProb = tf.tidy(function () {
        var out = self.cell(melody[t], self.state);
        self.state.dispose();
        self.state = tf.keep(out.h);
        return tf.logSoftmax(out.logits).squeeze().gather(melody[t + 1]).dataSync()[0];
      });
      nll -= logProb;
    }
    return nll / (melody.length - 1);
  });
};

module.exports = MelodyModel;

if (require.main === module) {
  var model = new MelodyModel(24);
  model.fit(PHRASES, 20).then(function () {
    var scores = model.surprise([PHRASES[0], [0, 7, 1, 6, 2, 5, 3, 4], PHRASES[0]]);
    console.log('surprise: ' + scores.map(function (s) { return s.toFixed(3); }).join(' | '));
    model.resetState();
  });
}
