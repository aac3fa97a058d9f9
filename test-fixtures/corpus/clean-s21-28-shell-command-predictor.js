// expect: none
// Suggests the next shell command from the history of the ones I typed before (old-style JS, runs in node)
var tf = require('@tensorflow/tfjs');

var history = [
  'git status', 'git add', 'git commit', 'git push',
  'npm install', 'npm test', 'git status', 'git add', 'git commit', 'git push',
  'cd src', 'ls', 'vim', 'npm test', 'git status', 'git add', 'git commit', 'git push',
  'npm install', 'npm test', 'npm run build', 'cd src', 'ls', 'vim', 'npm test',
];

var vocab = [];
history.forEach(function (c) {
  if (vocab.indexOf(c) < 0) vocab.push(c);
});
var V = vocab.length;
var DIM = 16; // embedding and hidden use the same size

function CommandModel() {
  this.emb = tf.variable(tf.randomNormal([V, DIM], 0, 0.2));
  this.Wxh = tf.variable(tf.randomNormal([DIM, DIM], 0, 0.2));
  this.Whh = tf.variable(tf.randomNormal([DIM, DIM], 0, 0.2));
  this.bh = tf.variable(tf.zeros([DIM]));
  this.Wo = tf.variable(tf.randomNormal([DIM, V], 0, 0.2));
  this.bo = tf.variable(tf.zeros([V]));
}

CommandModel.prototype.step = function (cmdId, h) {
  var x = tf.gather(this.emb, tf.tensor1d([cmdId], 'int32'));
  var hNew = tf.tanh(tf.matMul(x, this.Wxh).add(tf.matMul(h, this.Whh)).add(this.bh));
  var logits = tf.matMul(hNew, this.Wo).add(this.bo);
  return { logits: logits, h: hNew };
};

CommandModel.prototype.loss = function (ids) {
  var h = tf.zeros([1, DIM]);
  var total = [];
  for (var i = 0; i < ids.length - 1; i++) {
    var r = this.step(ids[i], h);
    h = r.h;
    total.push(tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([ids[i + 1]], 'int32'), V), r.logits));
  }
  return tf.addN(total).div(total.length);
};

CommandModel.prototype.suggest = function (recent, k) {
  var self = this;
  return tf.tidy(function () {
    var h = tf.zeros([1, DIM]);
    var r = null;
    for (var i = 0; i < recent.length; i++) {
      r = self.step(vocab.indexOf(recent[i]), h);
      h = r.h;
    }
    var probs = tf.softmax(r.logits).dataSync();
    var ranked = Array.prototype.slice.call(probs).map(function (p, j) { return [vocab[j], p]; });
    ranked.sort(function (a, b) { return b[1] - a[1]; });
    return ranked.slice(0, k);
  });
};

var model = new CommandModel();
var opt = tf.train.adam(0.03);
var ids = history.map(function (c) { return vocab.indexOf(c); });

for (var epoch = 0; epoch < 80; epoch++) {
  var l = opt.minimize(function () { return model.loss(ids); }, true);
  if (epoch % 20 === 0) console.log('epoch ' + epoch + ' loss ' + l.dataSync()[0].toFixed(3));
  l.dispose();
}

function show(recent) {
  var s = model.suggest(recent, 3);
  console.log(recent.join(' | ') + '  =>  ' + s.map(function (p) { return p[0] + ' (' + p[1].toFixed(2) + ')'; }).join(', '));
}

show(['git status', 'git add']);
show(['npm install', 'npm test']);
show(['npm install', 'npm test', 'npm run build', 'cd src', 'ls']);
show(['git push', 'npm install', 'npm test', 'git status']);
