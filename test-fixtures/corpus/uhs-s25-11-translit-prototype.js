// expect: unused-hidden-state
// Latin-to-Cyrillic transliterator: an Elman encoder and decoder written as old-school prototype classes.
var tf = require('@tensorflow/tfjs');

var LATIN = ' abcdefghijklmnopqrstuvwxyz'.split('');
var CYRILLIC = ['<s>', '</s>'].concat('абвгдежзийклмнопрстуфхцчшщыэюя'.split(''));
var UNITS = 16;

function ElmanRNN(vocabSize, seed) {
  this.embedding = tf.variable(tf.randomNormal([vocabSize, UNITS], 0, 0.5, 'float32', seed));
  this.Wx = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', seed + 1));
  this.Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', seed + 2));
  this.b = tf.variable(tf.zeros([UNITS]));
}

ElmanRNN.prototype.embed = function (id) {
  return tf.gather(this.embedding, [id]);
};

ElmanRNN.prototype.cell = function (x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)), this.b));
};

function Decoder(vocabSize, seed) {
  ElmanRNN.call(this, vocabSize, seed);
  this.Wy = tf.variable(tf.randomNormal([UNITS, vocabSize], 0, 0.5, 'float32', seed + 3));
  this.by = tf.variable(tf.zeros([vocabSize]));
}
Decoder.prototype = Object.create(ElmanRNN.prototype);
Decoder.prototype.constructor = Decoder;

Decoder.prototype.step = function (tokenId, h) {
  var self = this;
  return tf.tidy(function () {
    var x = self.embed(tokenId);
    var pre = tf.add(tf.add(tf.matMul(x, self.Wx), tf.matMul(x, self.Wh)), self.b);
    var hNext = tf.tanh(pre);
    var logits = tf.add(tf.matMul(hNext, self.Wy), self.by);
    return { h: hNext, logits: logits };
  });
};

function Transliterator() {
  this.encoder = new ElmanRNN(LATIN.length, 100);
  this.decoder = new Decoder(CYRILLIC.length, 200);
}

Transliterator.prototype.encode = function (word) {
  var self = this;
  return tf.tidy(function () {
    var h = tf.zeros([1, UNITS]);
    for (var i = 0; i < word.length; i++) {
      var id = Math.max(0, LATIN.indexOf(word.charAt(i)));
      h = self.encoder.cell(self.encoder.embed(id), h);
    }
    return h;
  });
};

Transliterator.prototype.transliterate = function (word, maxLen) {
  maxLen = maxLen || word.length + 3;
  var h = this.encode(word);
  var token = 0;
  var out = '';
  for (var t = 0; t < maxLen; t++) {
    var res = this.decoder.step(token, h);
    token = res.logits.argMax(1).dataSync()[0];
    res.logits.dispose();
    h.dispose();
    h = res.h;
    if (token === 1) break;
    out += CYRILLIC[token];
  }
  h.dispose();
  return out;
};

module.exports = { Transliterator: Transliterator, Decoder: Decoder, UNITS: UNITS };

if (require.main === module) {
  var model = new Transliterator();
  ['moskva', 'sankt peterburg', 'kazan'].forEach(function (w) {
    console.log(w, '->', model.transliterate(w));
  });
}
