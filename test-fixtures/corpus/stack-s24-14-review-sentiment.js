// expect: stacked-activation
// Review sentiment widget backend: GRU over word ids -> negative / neutral / positive, with a confidence threshold.
var tf = require('@tensorflow/tfjs');

var LABELS = ['negative', 'neutral', 'positive'];

function SentimentModel(opts) {
  opts = opts || {};
  this.vocabSize = opts.vocabSize || 200;
  this.maxLen = opts.maxLen || 12;
  this.threshold = opts.threshold != null ? opts.threshold : 0.5;
  this.model = tf.sequential();
  this.model.add(tf.layers.embedding({ inputDim: this.vocabSize, outputDim: 16, inputLength: this.maxLen, maskZero: true }));
  this.model.add(tf.layers.gru({ units: 24 }));
  this.model.add(tf.layers.dense({ units: LABELS.length, activation: 'softmax' }));
  this.model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
}

SentimentModel.prototype.pad = function (ids) {
  var out = ids.slice(0, this.maxLen);
  while (out.length < this.maxLen) out.unshift(0);
  return out;
};

SentimentModel.prototype.fit = function (samples, epochs) {
  var self = this;
  var xs = tf.tensor2d(samples.map(function (s) { return self.pad(s.ids); }), null, 'int32');
  var ys = tf.oneHot(tf.tensor1d(samples.map(function (s) { return s.label; }), 'int32'), LABELS.length);
  return this.model.fit(xs, ys, { epochs: epochs || 30, verbose: 0 }).then(function (h) {
    xs.dispose();
    ys.dispose();
    return h.history.loss[h.history.loss.length - 1];
  });
};

SentimentModel.prototype.classify = function (ids) {
  var self = this;
  var probs = tf.tidy(function () {
    var x = tf.tensor2d([self.pad(ids)], null, 'int32');
    var out = self.model.predict(x);
    return tf.softmax(out);
  });
  var p = probs.dataSync();
  probs.dispose();
  var best = 0;
  for (var i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return {
    label: p[best] >= this.threshold ? LABELS[best] : 'unsure',
    confidence: p[best]
  };
};

module.exports = SentimentModel;

if (require.main === module) {
  var words = {};
  var tokenize = function (text) {
    return text.toLowerCase().split(/\s+/).map(function (w) {
      if (!(w in words)) words[w] = Object.keys(words).length + 1;
      return words[w];
    });
  };
  var data = [
    ['great product works perfectly', 2], ['terrible broke after a day', 0], ['it is okay i guess', 1],
    ['love it great value', 2], ['awful support never again', 0], ['fine nothing special', 1],
    ['perfectly great love', 2], ['broke awful terrible', 0], ['okay fine i guess', 1]
  ].map(function (d) { return { ids: tokenize(d[0]), label: d[1] }; });

  var m = new SentimentModel();
  m.fit(data, 60).then(function (loss) {
    console.log('final loss', loss.toFixed(4));
    ['great value love it', 'terrible awful', 'okay i guess'].forEach(function (t) {
      var r = m.classify(tokenize(t));
      console.log(t, '->', r.label, r.confidence.toFixed(3));
    });
  });
}
