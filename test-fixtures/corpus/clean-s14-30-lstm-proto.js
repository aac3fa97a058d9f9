// expect: none
// Prototype-style LSTM that tags each word of a sentence (e.g. part of speech); every sentence starts from a clean state.
var tf = require('@tensorflow/tfjs');

function LSTMTagger(vocabSize, embedDim, hiddenDim, tagCount) {
  this.hiddenDim = hiddenDim;
  this.embedding = tf.randomNormal([vocabSize, embedDim], 0, 0.3, 'float32', 41);
  this.W = tf.randomNormal([embedDim, 4 * hiddenDim], 0, 0.3, 'float32', 42);
  this.U = tf.randomNormal([hiddenDim, 4 * hiddenDim], 0, 0.3, 'float32', 43);
  this.b = tf.zeros([4 * hiddenDim]);
  this.Wtag = tf.randomNormal([hiddenDim, tagCount], 0, 0.3, 'float32', 44);
}

LSTMTagger.prototype.zeroState = function () {
  return { h: tf.zeros([1, this.hiddenDim]), c: tf.zeros([1, this.hiddenDim]) };
};

LSTMTagger.prototype.cell = function (wordId, state) {
  var self = this;
  return tf.tidy(function () {
    var x = self.embedding.gather([wordId]);
    var z = x.matMul(self.W).add(state.h.matMul(self.U)).add(self.b);
    var parts = tf.split(z, 4, 1);
    var i = tf.sigmoid(parts[0]);
    var f = tf.sigmoid(parts[1]);
    var g = tf.tanh(parts[2]);
    var o = tf.sigmoid(parts[3]);
    var c = f.mul(state.c).add(i.mul(g));
    var h = o.mul(tf.tanh(c));
    var scores = tf.logSoftmax(h.matMul(self.Wtag));
    return { h: h, c: c, scores: scores };
  });
};

LSTMTagger.prototype.tagSentence = function (wordIds) {
  var state = this.zeroState();
  var tags = [];
  for (var t = 0; t < wordIds.length; t++) {
    var out = this.cell(wordIds[t], state);
    var best = out.scores.argMax(1);
    tags.push(best.dataSync()[0]);
    tf.dispose([best, out.scores]);
    tf.dispose([state.h, state.c]);
    state = { h: out.h, c: out.c };
  }
  tf.dispose([state.h, state.c]);
  return tags;
};

LSTMTagger.prototype.tagCorpus = function (sentences) {
  var self = this;
  return sentences.map(function (s) { return self.tagSentence(s); });
};

module.exports = LSTMTagger;

if (require.main === module) {
  var tagger = new LSTMTagger(30, 8, 10, 5);
  var before = tf.memory().numTensors;
  console.log(tagger.tagCorpus([[1, 5, 9, 2], [7, 7, 3], [1, 5, 9, 2]]));
  console.log('tensors leaked:', tf.memory().numTensors - before);
}
