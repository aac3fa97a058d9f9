// expect: unused-hidden-state
// Next-word suggestion for our tiny FAQ bot: word embeddings + simple RNN, old-school prototype style
var tf = require('@tensorflow/tfjs');

var corpus = [
  'how do i reset my password',
  'how do i change my email',
  'where do i find my invoice',
  'how do i delete my account',
  'where is my order',
  'how do i reset my email',
];

var words = {};
var idx2word = [];
corpus.forEach(function (line) {
  line.split(' ').forEach(function (w) {
    if (!(w in words)) {
      words[w] = idx2word.length;
      idx2word.push(w);
    }
  });
});
var VOCAB = idx2word.length;
var EMB = 32;
var HID = 32;

function SimpleRNN(vocab, emb, hid) {
  this.embedding = tf.variable(tf.randomNormal([vocab, emb], 0, 0.1));
  this.Wxh = tf.variable(tf.randomNormal([emb, hid], 0, 0.1));
  this.Whh = tf.variable(tf.randomNormal([hid, hid], 0, 0.1));
  this.bh = tf.variable(tf.zeros([hid]));
  this.Why = tf.variable(tf.randomNormal([hid, vocab], 0, 0.1));
  this.by = tf.variable(tf.zeros([vocab]));
  this.hid = hid;
}

SimpleRNN.prototype.forward = function (wordId, hPrev) {
  var x = tf.gather(this.embedding, tf.tensor1d([wordId], 'int32'));
  var a = tf.matMul(x, this.Wxh).add(tf.matMul(x, this.Whh)).add(this.bh);
  var h = tf.tanh(a);
  var logits = tf.matMul(h, this.Why).add(this.by);
  return { logits: logits, h: h };
};

SimpleRNN.prototype.initHidden = function () {
  return tf.zeros([1, this.hid]);
};

SimpleRNN.prototype.sentenceLoss = function (ids) {
  var self = this;
  var hidden = self.initHidden();
  var losses = [];
  for (var t = 0; t < ids.length - 1; t++) {
    var out = self.forward(ids[t], hidden);
    hidden = out.h;
    var target = tf.oneHot(tf.tensor1d([ids[t + 1]], 'int32'), VOCAB);
    losses.push(tf.losses.softmaxCrossEntropy(target, out.logits));
  }
  return tf.addN(losses).div(losses.length);
};

SimpleRNN.prototype.suggest = function (prefix) {
  var self = this;
  return tf.tidy(function () {
    var hState = self.initHidden();
    var out;
    prefix.split(' ').forEach(function (w) {
      out = self.forward(words[w], hState);
      hState = out.h;
    });
    return idx2word[out.logits.argMax(1).dataSync()[0]];
  });
};

var net = new SimpleRNN(VOCAB, EMB, HID);
var optimizer = tf.train.adam(0.02);

for (var epoch = 0; epoch < 40; epoch++) {
  var total = 0;
  corpus.forEach(function (line) {
    var ids = line.split(' ').map(function (w) { return words[w]; });
    var l = optimizer.minimize(function () { return net.sentenceLoss(ids); }, true);
    total += l.dataSync()[0];
    l.dispose();
  });
  if (epoch % 10 === 0) console.log('epoch', epoch, 'loss', (total / corpus.length).toFixed(3));
}

console.log('"how do i" ->', net.suggest('how do i'));
console.log('"where do i" ->', net.suggest('where do i'));
console.log('"where is my" ->', net.suggest('where is my'));
console.log('"how do i delete my" ->', net.suggest('how do i delete my'));
