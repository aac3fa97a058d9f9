// expect: stale-state
// Hashtag suggester for the post composer (old-school script tag build, also usable from node tests).
var tf = (typeof require === 'function') ? require('@tensorflow/tfjs') : window.tf;

var TAGS = ['#travel', '#food', '#tech', '#music', '#sports', '#art'];
var CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789 ';

function CharRNN(hiddenSize, seed) {
  this.hiddenSize = hiddenSize;
  this.Wx = tf.randomNormal([CHARS.length, hiddenSize], 0, 0.4, 'float32', seed);
  this.Wh = tf.randomNormal([hiddenSize, hiddenSize], 0, 0.4, 'float32', seed + 1);
  this.b = tf.zeros([hiddenSize]);
  this.Wy = tf.randomNormal([hiddenSize, TAGS.length], 0, 0.4, 'float32', seed + 2);
}

CharRNN.prototype.zeroState = function () {
  return tf.zeros([1, this.hiddenSize]);
};

CharRNN.prototype.step = function (charIndex, h) {
  var x = tf.oneHot(tf.tensor1d([charIndex], 'int32'), CHARS.length).toFloat();
  var hNew = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b));
  return { y: hNew.matMul(this.Wy), h: hNew };
};

CharRNN.prototype.run = function (text) {
  var self = this;
  return tf.tidy(function () {
    var h = self.zeroState();
    var last = h;
    var logits = null;
    var chars = text.toLowerCase().split('');
    for (var i = 0; i < chars.length; i++) {
      var idx = CHARS.indexOf(chars[i]);
      if (idx < 0) continue;
      var out = self.step(idx, h);
      logits = out.y;
      last = out.h;
    }
    if (logits === null) return null;
    return {
      probs: Array.prototype.slice.call(tf.softmax(logits).dataSync()),
      certainty: last.abs().mean().dataSync()[0]
    };
  });
};

function HashtagSuggester(inputEl, listEl) {
  this.rnn = new CharRNN(32, 17);
  this.input = inputEl;
  this.list = listEl;
  this.input.addEventListener('keyup', this.refresh.bind(this));
}

HashtagSuggester.prototype.refresh = function () {
  var result = this.rnn.run(this.input.value);
  this.list.innerHTML = '';
  if (!result || result.certainty < 0.05) return [];
  var probs = result.probs;
  var ranked = TAGS.map(function (tag, i) { return { tag: tag, p: probs[i] }; })
    .sort(function (a, b) { return b.p - a.p; })
    .slice(0, 3);
  for (var i = 0; i < ranked.length; i++) {
    var li = document.createElement('li');
    li.textContent = ranked[i].tag;
    this.list.appendChild(li);
  }
  return ranked;
};

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { CharRNN: CharRNN, HashtagSuggester: HashtagSuggester, TAGS: TAGS };
} else {
  window.HashtagSuggester = HashtagSuggester;
}
