// expect: unused-hidden-state
// Suggests an emoji for the status field as you type (plain ES5 so it runs in the legacy intranet build).
var tf = require('@tensorflow/tfjs');

var EMOJI = ['😀', '😢', '😡', '🎉', '❤️', '😴', '🍕', '⚽'];
var SIZE = 32;
var VOCAB = 1024;

function initParams(seed) {
  return {
    embed: tf.randomNormal([VOCAB, SIZE], 0, 0.5, 'float32', seed),
    Wx: tf.randomNormal([SIZE, SIZE], 0, 0.3, 'float32', seed + 1),
    Wh: tf.randomNormal([SIZE, SIZE], 0, 0.3, 'float32', seed + 2),
    b: tf.zeros([SIZE]),
    Wo: tf.randomNormal([SIZE, EMOJI.length], 0, 0.5, 'float32', seed + 3)
  };
}

function wordToId(word) {
  var acc = 0;
  for (var i = 0; i < word.length; i++) {
    acc = (acc * 29 + word.charCodeAt(i)) % VOCAB;
  }
  return acc;
}

function rnnStep(x, h, p) {
  var xPart = tf.matMul(x, p.Wx);
  var hPart = tf.matMul(x, p.Wh);
  return tf.tanh(tf.add(tf.add(xPart, hPart), p.b));
}

function EmojiPredictor(params) {
  this.params = params || initParams(5);
}

EmojiPredictor.prototype.probabilities = function (text) {
  var p = this.params;
  var words = text.toLowerCase().split(/\W+/).filter(function (w) { return w.length > 0; });
  if (words.length === 0) return null;
  return tf.tidy(function () {
    var h = tf.zeros([1, SIZE]);
    words.forEach(function (w) {
      var x = tf.gather(p.embed, [wordToId(w)]);
      h = rnnStep(x, h, p);
    });
    return Array.prototype.slice.call(tf.softmax(tf.matMul(h, p.Wo)).dataSync());
  });
};

EmojiPredictor.prototype.best = function (text) {
  var probs = this.probabilities(text);
  if (!probs) return null;
  var bestIdx = 0;
  for (var i = 1; i < probs.length; i++) {
    if (probs[i] > probs[bestIdx]) bestIdx = i;
  }
  return { emoji: EMOJI[bestIdx], p: probs[bestIdx] };
};

function bindStatusField(input, button, predictor) {
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var guess = predictor.best(input.value);
      button.textContent = guess ? guess.emoji : '🙂';
      button.title = guess ? Math.round(guess.p * 100) + '% sure' : '';
    }, 120);
  });
  button.addEventListener('click', function () {
    input.value = input.value.replace(/\s*$/, ' ' + button.textContent);
  });
}

module.exports = { EmojiPredictor: EmojiPredictor, bindStatusField: bindStatusField, rnnStep: rnnStep };
