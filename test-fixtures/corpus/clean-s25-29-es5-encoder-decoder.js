// expect: none
// Dutch-to-English phrase translator (ES5 style): LSTM encoder hands its final h and c to the LSTM decoder.
var tf = require('@tensorflow/tfjs');

function LSTMCell(inputSize, units, seed) {
  this.units = units;
  this.W = tf.randomNormal([inputSize + units, 4 * units], 0, 0.3, 'float32', seed);
  this.b = tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]);
}

LSTMCell.prototype.zeroState = function () {
  return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
};

LSTMCell.prototype.step = function (x, prev) {
  var z = tf.add(tf.matMul(tf.concat([x, prev.h], 1), this.W), this.b);
  var parts = tf.split(z, 4, 1);
  var i = tf.sigmoid(parts[0]);
  var f = tf.sigmoid(parts[1]);
  var g = tf.tanh(parts[2]);
  var o = tf.sigmoid(parts[3]);
  var c = tf.add(tf.mul(f, prev.c), tf.mul(i, g));
  var h = tf.mul(o, tf.tanh(c));
  return { h: h, c: c };
};

function Seq2Seq(srcVocab, tgtVocab, units) {
  this.srcVocab = srcVocab;
  this.tgtVocab = tgtVocab;
  this.srcEmb = tf.randomNormal([srcVocab.length, 10], 0, 0.5, 'float32', 1);
  this.tgtEmb = tf.randomNormal([tgtVocab.length, 10], 0, 0.5, 'float32', 2);
  this.encoder = new LSTMCell(10, units, 3);
  this.decoder = new LSTMCell(10, units, 4);
  this.Wout = tf.randomNormal([units, tgtVocab.length], 0, 0.6, 'float32', 5);
}

Seq2Seq.prototype.encode = function (words) {
  var state = this.encoder.zeroState();
  for (var t = 0; t < words.length; t++) {
    var id = this.srcVocab.indexOf(words[t]);
    state = this.encoder.step(tf.gather(this.srcEmb, [id < 0 ? 0 : id]), state);
  }
  return state;
};

Seq2Seq.prototype.translate = function (sentence, maxLen) {
  var self = this;
  maxLen = maxLen || 10;
  return tf.tidy(function () {
    var encoded = self.encode(sentence.toLowerCase().split(' '));
    var state = { h: encoded.h, c: encoded.c };
    var token = self.tgtVocab.indexOf('<s>');
    var words = [];
    for (var t = 0; t < maxLen; t++) {
      state = self.decoder.step(tf.gather(self.tgtEmb, [token]), state);
      token = tf.argMax(tf.matMul(state.h, self.Wout), 1).dataSync()[0];
      if (self.tgtVocab[token] === '</s>') break;
      words.push(self.tgtVocab[token]);
    }
    return words.join(' ');
  });
};

var NL = ['<unk>', 'ik', 'heb', 'een', 'kat', 'hond', 'zie', 'de'];
var EN = ['<s>', '</s>', 'i', 'have', 'a', 'cat', 'dog', 'see', 'the'];

module.exports = { LSTMCell: LSTMCell, Seq2Seq: Seq2Seq, NL: NL, EN: EN };

if (require.main === module) {
  var model = new Seq2Seq(NL, EN, 16);
  ['ik heb een kat', 'ik zie de hond'].forEach(function (s) {
    console.log(s + ' -> ' + model.translate(s));
  });
}
