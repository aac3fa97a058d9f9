// Scores each melody from a fresh state: the model's resetState() runs before every melody.
var tf = require('@tensorflow/tfjs');

function MelodyModel(units) {
  this.units = units;
  this.wIn = tf.randomNormal([12, units]);
  this.wRec = tf.randomNormal([units, units]);
  this.wOut = tf.randomNormal([units, 12]);
  this.state = tf.zeros([1, units]);
}

MelodyModel.prototype.resetState = function () {
  this.state.dispose();
  this.state = tf.zeros([1, this.units]);
};

MelodyModel.prototype.cell = function (note, h) {
  var x = tf.oneHot(tf.tensor1d([note], 'int32'), 12).toFloat();
  var hNext = tf.tanh(x.matMul(this.wIn).add(h.matMul(this.wRec)));
  return { h: hNext, logits: hNext.matMul(this.wOut) };
};

MelodyModel.prototype.surprise = function (melodies) {
  var self = this;
  return melodies.map(function (melody) {
    self.resetState();
    var nll = 0;
    for (var t = 0; t + 1 < melody.length; t++) {
      var out = self.cell(melody[t], self.state);
      self.state = out.h;
      nll -= tf.logSoftmax(out.logits).squeeze().gather(melody[t + 1]).dataSync()[0];
    }
    return nll / (melody.length - 1);
  });
};

module.exports = MelodyModel;
