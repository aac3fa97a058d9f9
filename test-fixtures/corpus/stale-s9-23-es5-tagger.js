// expect: stale-state
// ES5 part-of-speech tagger for the lab machine (no build tools there): tags each word as NOUN / VERB / OTHER
var tf = require('@tensorflow/tfjs');

var VOCAB = ['<unk>', 'the', 'a', 'dog', 'cat', 'runs', 'sleeps', 'man', 'sees', 'big', 'small', 'park', 'in'];
var TAGS = ['NOUN', 'VERB', 'OTHER'];

function Tagger(vocab, tags, hidden) {
  this.vocab = vocab;
  this.tags = tags;
  this.hidden = hidden;
  this.E = tf.randomNormal([vocab.length, 8], 0, 0.5);
  this.Wx = tf.randomNormal([8, hidden], 0, 0.5);
  this.Wh = tf.randomNormal([hidden, hidden], 0, 0.5);
  this.b = tf.zeros([hidden]);
  this.Wy = tf.randomNormal([hidden, tags.length], 0, 0.5);
  this.debug = false;
}

Tagger.prototype.embed = function (word) {
  var id = this.vocab.indexOf(word.toLowerCase());
  if (id < 0) id = 0;
  return tf.gather(this.E, [id]);
};

Tagger.prototype.cell = function (x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)), this.b));
};

Tagger.prototype.tag = function (sentence) {
  var self = this;
  var words = sentence.split(' ');
  var h = tf.zeros([1, this.hidden]);
  var tags = [];
  var states = [];
  tf.tidy(function () {
    words.forEach(function (w, i) {
      var x = self.embed(w);
      var hNext = self.cell(x, h);
      var scores = tf.matMul(hNext, self.Wy);
      var best = scores.argMax(1).dataSync()[0];
      tags.push(self.tags[best]);
      states.push(Array.prototype.slice.call(hNext.dataSync(), 0, 3));
      if (self.debug) console.log('  ' + i + ' ' + w + ' -> ' + self.tags[best]);
    });
  });
  h.dispose();
  this.lastStates = states;
  return tags;
};

Tagger.prototype.tagMany = function (sentences) {
  var out = [];
  for (var i = 0; i < sentences.length; i++) {
    out.push({ sentence: sentences[i], tags: this.tag(sentences[i]) });
  }
  return out;
};

var tagger = new Tagger(VOCAB, TAGS, 16);
var results = tagger.tagMany([
  'the dog runs',
  'a big cat sleeps in the park',
  'the man sees the dog',
  'dog dog dog'
]);
results.forEach(function (r) {
  console.log(r.sentence);
  console.log('   ' + r.tags.join(' '));
});
console.log('first 3 dims of state per word (last sentence):', JSON.stringify(tagger.lastStates));
console.log('tensors: ' + tf.memory().numTensors);

module.exports = Tagger;
