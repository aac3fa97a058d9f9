// expect: stale-state
// Fantasy name generator: a prototype-based char RNN trained on a word list, then sampled letter by letter.
var tf = require('@tensorflow/tfjs');

var NAMES = ['arwen', 'eowyn', 'elrond', 'galadriel', 'legolas', 'gimli', 'aragorn', 'boromir', 'faramir', 'theoden', 'eomer', 'haldir'];
var ALPHABET = '.abcdefghijklmnopqrstuvwxyz'; // '.' marks start and end

function CharRNN(hidden) {
  this.hidden = hidden;
  this.vocab = ALPHABET.length;
  this.wx = tf.variable(tf.randomNormal([this.vocab, hidden], 0, 0.2));
  this.wh = tf.variable(tf.randomNormal([hidden, hidden], 0, 0.2));
  this.bh = tf.variable(tf.zeros([hidden]));
  this.wy = tf.variable(tf.randomNormal([hidden, this.vocab], 0, 0.2));
  this.h = null;
}

CharRNN.prototype.initialState = function (batch) {
  return tf.zeros([batch || 1, this.hidden]);
};

CharRNN.prototype.step = function (ids, h) {
  var x = tf.oneHot(tf.tensor1d(ids, 'int32'), this.vocab).toFloat();
  var hNext = tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)).add(this.bh));
  return { logits: hNext.matMul(this.wy), h: hNext };
};

CharRNN.prototype.sequenceLoss = function (word) {
  var ids = ('.' + word + '.').split('').map(function (ch) { return ALPHABET.indexOf(ch); });
  var h = this.initialState(1);
  var losses = [];
  for (var t = 0; t + 1 < ids.length; t++) {
    var out = this.step([ids[t]], h);
    h = out.h;
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot([ids[t + 1]], this.vocab), out.logits));
  }
  return tf.addN(losses).div(losses.length);
};

CharRNN.prototype.train = function (words, epochs, onEpochEnd) {
  var self = this;
  var optimizer = tf.train.adam(0.02);
  var ds = tf.data.array(words).shuffle(words.length);
  var epoch = 0;
  function runEpoch() {
    var total = 0;
    return ds.forEachAsync(function (word) {
      var loss = optimizer.minimize(function () { return self.sequenceLoss(word); }, true);
      total += loss.dataSync()[0];
      loss.dispose();
    }).then(function () {
      onEpochEnd(epoch, total / words.length);
      epoch++;
      return epoch < epochs ? runEpoch() : null;
    });
  }
  return runEpoch();
};

CharRNN.prototype.sample = function (maxLen, temperature) {
  var self = this;
  var h = this.initialState(1);
  var id = 0;
  var name = '';
  for (var t = 0; t < maxLen; t++) {
    var next = tf.tidy(function () {
      var res = self.step([id], h);
      if (self.h) self.h.dispose();
      self.h = tf.keep(res.h);
      var logits = res.logits.div(temperature).squeeze();
      return tf.multinomial(logits, 1).dataSync()[0];
    });
    if (next === 0) break;
    name += ALPHABET[next];
    id = next;
  }
  return name;
};

module.exports = CharRNN;

if (require.main === module) {
  var rnn = new CharRNN(32);
  rnn.train(NAMES, 30, function (epoch, loss) {
    if ((epoch + 1) % 10 === 0) console.log('epoch ' + (epoch + 1) + ' loss ' + loss.toFixed(3));
  }).then(function () {
    var samples = [];
    for (var i = 0; i < 6; i++) samples.push(rnn.sample(12, 0.6));
    console.log('samples: ' + samples.join(', '));
  });
}
