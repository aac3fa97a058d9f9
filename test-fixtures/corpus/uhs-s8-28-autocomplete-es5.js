// expect: unused-hidden-state
// Legacy ES5 autocomplete helper: a recurrent next-word model suggests completions as the user types in a search box.
var tf = require('@tensorflow/tfjs');

function NextWordModel(vocab, hiddenSize) {
  this.vocab = vocab;
  this.index = {};
  for (var i = 0; i < vocab.length; i++) this.index[vocab[i]] = i;
  this.hiddenSize = hiddenSize;
  var V = vocab.length;
  this.Wx = tf.randomNormal([V, hiddenSize], 0, 0.1);
  this.Wh = tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1);
  this.b = tf.zeros([hiddenSize]);
  this.Wy = tf.randomNormal([hiddenSize, V], 0, 0.1);
  this.by = tf.zeros([V]);
}

NextWordModel.prototype.encodeWord = function (word) {
  var id = this.index.hasOwnProperty(word) ? this.index[word] : 0;
  return tf.oneHot(tf.tensor1d([id], 'int32'), this.vocab.length).toFloat();
};

NextWordModel.prototype.step = function (x, h) {
  var xProj = tf.matMul(x, this.Wx);
  var hProj = tf.matMul(h, this.Wh);
  var pre = tf.add(xProj, hProj);
  var hNew = tf.tanh(tf.add(xProj, this.b));
  var logits = tf.add(tf.matMul(hNew, this.Wy), this.by);
  return { logits: logits, h: hNew };
};

NextWordModel.prototype.suggest = function (words, k) {
  var self = this;
  return tf.tidy(function () {
    var h = tf.zeros([1, self.hiddenSize]);
    var logits = null;
    for (var i = 0; i < words.length; i++) {
      var out = self.step(self.encodeWord(words[i]), h);
      h = out.h;
      logits = out.logits;
    }
    if (!logits) return [];
    var top = tf.topk(tf.softmax(logits).squeeze(), k);
    var idx = top.indices.dataSync();
    var result = [];
    for (var j = 0; j < idx.length; j++) result.push(self.vocab[idx[j]]);
    return result;
  });
};

function attachAutocomplete(input, list, model, opts) {
  opts = opts || {};
  var k = opts.k || 5;
  var timer = null;

  function render(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (w) {
      var li = document.createElement('li');
      li.textContent = input.value.replace(/\s*$/, ' ') + w;
      li.onclick = function () { input.value = li.textContent; render([]); };
      list.appendChild(li);
    });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
      render(words.length ? model.suggest(words, k) : []);
    }, 120);
  });
}

module.exports = { NextWordModel: NextWordModel, attachAutocomplete: attachAutocomplete };
