// expect: returns-input-state
// Emoji suggester for the chat input: a minimal gated unit reads the message char by char and ranks emoji.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('@tensorflow/tfjs'));
  } else {
    root.EmojiSuggest = factory(root.tf);
  }
})(typeof self !== 'undefined' ? self : this, function (tf) {
  'use strict';

  var EMOJI = ['😀', '😂', '😢', '😡', '❤️', '👍', '🎉', '🤔'];
  var CHARS = " abcdefghijklmnopqrstuvwxyz!?.,'";
  var UNITS = 20;

  function MGU(seed) {
    var n = CHARS.length;
    this.Wf = tf.randomNormal([n, UNITS], 0, 0.3, 'float32', seed);
    this.Uf = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1);
    this.bf = tf.ones([UNITS]);
    this.Wh = tf.randomNormal([n, UNITS], 0, 0.3, 'float32', seed + 2);
    this.Uh = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 3);
    this.bh = tf.zeros([UNITS]);
    this.Wy = tf.randomNormal([UNITS, EMOJI.length], 0, 0.5, 'float32', seed + 4);
  }

  MGU.prototype.forward = function (x, h) {
    var f = tf.sigmoid(tf.matMul(x, this.Wf).add(tf.matMul(h, this.Uf)).add(this.bf));
    var cand = tf.tanh(tf.matMul(x, this.Wh).add(tf.matMul(f.mul(h), this.Uh)).add(this.bh));
    var hNew = tf.sub(1, f).mul(h).add(f.mul(cand));
    var y = tf.softmax(tf.matMul(hNew, this.Wy));
    return [y, h];
  };

  MGU.prototype.encode = function (ch) {
    var idx = CHARS.indexOf(ch.toLowerCase());
    return tf.oneHot(tf.tensor1d([idx < 0 ? 0 : idx], 'int32'), CHARS.length).toFloat();
  };

  function Suggester(seed) {
    this.cell = new MGU(seed || 9);
  }

  Suggester.prototype.suggest = function (text, k) {
    var cell = this.cell;
    var probs = tf.tidy(function () {
      var h = tf.zeros([1, UNITS]);
      var y = null;
      for (var i = 0; i < text.length; i++) {
        var res = cell.forward(cell.encode(text[i]), h);
        y = res[0];
        h = res[1];
      }
      return y || tf.fill([1, EMOJI.length], 1 / EMOJI.length);
    });
    var p = Array.prototype.slice.call(probs.dataSync());
    probs.dispose();
    return p
      .map(function (v, i) { return { emoji: EMOJI[i], p: v }; })
      .sort(function (a, b) { return b.p - a.p; })
      .slice(0, k || 3);
  };

  Suggester.prototype.bind = function (input, bar) {
    var self = this;
    input.addEventListener('input', function () {
      var picks = self.suggest(input.value.slice(-40), 3);
      bar.textContent = picks.map(function (s) { return s.emoji; }).join(' ');
    });
  };

  return { Suggester: Suggester, MGU: MGU };
});
