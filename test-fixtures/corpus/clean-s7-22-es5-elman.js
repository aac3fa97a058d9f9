// expect: none
// Guesses the language of short strings with a character-level Elman network; old-style callback API for a legacy web page.
const tf = require('@tensorflow/tfjs');

var LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl'];

function ElmanNet(weights, alphabet) {
  this.alphabet = alphabet;
  this.hiddenSize = weights.Whh.length;
  this.Wxh = tf.tensor2d(weights.Wxh);
  this.Whh = tf.tensor2d(weights.Whh);
  this.bh = tf.tensor1d(weights.bh);
  this.Why = tf.tensor2d(weights.Why);
  this.by = tf.tensor1d(weights.by);
}

ElmanNet.prototype.initialState = function () {
  return tf.zeros([1, this.hiddenSize]);
};

ElmanNet.prototype.encodeChar = function (ch) {
  var i = this.alphabet.indexOf(ch);
  if (i < 0) i = this.alphabet.length - 1; // last slot = "other"
  return tf.oneHot(tf.tensor1d([i], 'int32'), this.alphabet.length).toFloat();
};

ElmanNet.prototype.step = function (x, hPrev) {
  var a = tf.add(tf.matMul(x, this.Wxh), tf.matMul(hPrev, this.Whh));
  return tf.tanh(tf.add(a, this.bh));
};

ElmanNet.prototype.run = function (text) {
  var self = this;
  return tf.tidy(function () {
    var h = self.initialState();
    var chars = text.toLowerCase().split('');
    for (var i = 0; i < chars.length; i++) {
      h = self.step(self.encodeChar(chars[i]), h);
    }
    var logits = tf.add(tf.matMul(h, self.Why), self.by);
    return tf.softmax(logits);
  });
};

ElmanNet.prototype.classify = function (text) {
  var probs = this.run(text);
  var values = probs.dataSync();
  probs.dispose();
  var best = 0;
  for (var i = 1; i < values.length; i++) {
    if (values[i] > values[best]) best = i;
  }
  return { lang: LANGS[best], confidence: values[best] };
};

// Classifies many strings without freezing the page: a few per tick, then calls back.
ElmanNet.prototype.classifyAll = function (texts, done) {
  var self = this;
  var results = [];
  var idx = 0;
  function tick() {
    var end = Math.min(idx + 10, texts.length);
    for (; idx < end; idx++) {
      results.push(self.classify(texts[idx]));
    }
    if (idx < texts.length) {
      setTimeout(tick, 0);
    } else {
      done(null, results);
    }
  }
  setTimeout(tick, 0);
};

function loadElman(url, callback) {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', url);
  xhr.onload = function () {
    if (xhr.status !== 200) return callback(new Error('HTTP ' + xhr.status));
    var data = JSON.parse(xhr.responseText);
    callback(null, new ElmanNet(data.weights, data.alphabet));
  };
  xhr.onerror = function () { callback(new Error('network error')); };
  xhr.send();
}

// legacy page hook
window.detectLanguages = function () {
  var cells = document.querySelectorAll('td.comment-text');
  var texts = Array.prototype.map.call(cells, function (td) { return td.textContent; });
  loadElman('/static/langid-elman.json', function (err, net) {
    if (err) return console.error(err);
    net.classifyAll(texts, function (err2, results) {
      if (err2) return console.error(err2);
      results.forEach(function (r, i) {
        cells[i].setAttribute('data-lang', r.lang);
        cells[i].title = r.lang + ' (' + Math.round(r.confidence * 100) + '%)';
      });
    });
  });
};

module.exports = { ElmanNet: ElmanNet, loadElman: loadElman };
