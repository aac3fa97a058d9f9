// expect: none
// Guesses what each form field on the page holds (email / phone / name / other) from its current value.
var tf = require('@tensorflow/tfjs');

var KINDS = ['email', 'phone', 'name', 'other'];
var CHARSET = 'abcdefghijklmnopqrstuvwxyz0123456789@.+-() ';

function FieldTagger(hidden) {
  this.hidden = hidden || 20;
  this.Wx = tf.randomNormal([CHARSET.length, this.hidden], 0, 0.4, 'float32', 301);
  this.Wh = tf.randomNormal([this.hidden, this.hidden], 0, 0.3, 'float32', 302);
  this.b = tf.zeros([this.hidden]);
  this.Wk = tf.randomNormal([this.hidden, KINDS.length], 0, 0.5, 'float32', 303);
}

FieldTagger.prototype.initState = function () {
  return tf.zeros([1, this.hidden]);
};

FieldTagger.prototype.cell = function (charIdx, h) {
  var me = this;
  return tf.tidy(function () {
    var x = tf.oneHot(tf.tensor1d([charIdx], 'int32'), CHARSET.length).toFloat();
    return tf.tanh(x.matMul(me.Wx).add(h.matMul(me.Wh)).add(me.b));
  });
};

FieldTagger.prototype.tagAll = function (values) {
  var results = [];
  for (var v = 0; v < values.length; v++) {
    var h = this.initState();
    var text = String(values[v]).toLowerCase();
    for (var i = 0; i < text.length; i++) {
      var idx = CHARSET.indexOf(text.charAt(i));
      if (idx < 0) continue;
      var hNext = this.cell(idx, h);
      h.dispose();
      h = hNext;
    }
    var me = this;
    var probs = tf.tidy(function () { return tf.softmax(h.matMul(me.Wk)).dataSync(); });
    h.dispose();
    var best = 0;
    for (var k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
    results.push({ kind: KINDS[best], p: probs[best] });
  }
  return results;
};

function annotateForm(form, tagger) {
  var inputs = Array.prototype.slice.call(form.querySelectorAll('input[type=text]'));
  var tags = tagger.tagAll(inputs.map(function (el) { return el.value; }));
  inputs.forEach(function (el, i) {
    el.dataset.guess = tags[i].kind;
    el.title = 'looks like ' + tags[i].kind + ' (' + Math.round(tags[i].p * 100) + '%)';
  });
  return tags;
}

function watchForm(form, tagger) {
  var pending = 0;
  form.addEventListener('input', function () {
    if (pending) return;
    pending = requestAnimationFrame(function () {
      pending = 0;
      annotateForm(form, tagger);
    });
  });
}

module.exports = { FieldTagger: FieldTagger, annotateForm: annotateForm, watchForm: watchForm, KINDS: KINDS };
