// expect: unused-hidden-state
// attention decoder (ES5 port of the lab's old seq2seq demo), trained to reverse short digit strings
var tf = require('@tensorflow/tfjs');

var V = 8, GO = 0, S = 5, E = 10, H = 24, B = 32;

function param(shape, name) {
  return tf.variable(tf.randomNormal(shape, 0, 0.2), true, name);
}

function Encoder() {
  this.E = param([V, E], 'enc_E');
  this.W = param([E, H], 'enc_W');
  this.U = param([H, H], 'enc_U');
}
Encoder.prototype.run = function (src) {
  var h = tf.zeros([src.length, H]);
  var outs = [];
  for (var t = 0; t < S; t++) {
    var x = tf.gather(this.E, tf.tensor1d(src.map(function (r) { return r[t]; }), 'int32'));
    h = tf.tanh(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)));
    outs.push(h);
  }
  return { memory: tf.stack(outs, 1), last: h };
};

function AttnDecoder() {
  this.E = param([V, E], 'dec_E');
  this.W_q = param([E, H], 'dec_Wq');
  this.W_in = param([E + H, H], 'dec_Win');
  this.W_hh = param([H, H], 'dec_Whh');
  this.b = tf.variable(tf.zeros([H]), true, 'dec_b');
  this.W_out = param([H, V], 'dec_Wout');
}
AttnDecoder.prototype.step = function (y_prev, h_prev, memory) {
  var emb = tf.gather(this.E, tf.tensor1d(y_prev, 'int32'));
  var q = tf.matMul(emb, this.W_q);
  var alpha = tf.softmax(tf.sum(tf.mul(memory, tf.expandDims(q, 1)), 2));
  var ctx = tf.sum(tf.mul(memory, tf.expandDims(alpha, 2)), 1);
  var rec = tf.matMul(h_prev, this.W_hh);
  var h_new = tf.tanh(tf.add(tf.matMul(tf.concat([emb, ctx], 1), this.W_in), this.b));
  return { logits: tf.matMul(h_new, this.W_out), h: h_new, alpha: alpha };
};

var encoder = new Encoder();
var decoder = new AttnDecoder();

function seq_loss(src, tgt) {
  var enc = encoder.run(src);
  var h = enc.last;
  var losses = [];
  for (var t = 0; t < S; t++) {
    var y_prev = tgt.map(function (r) { return t === 0 ? GO : r[t - 1]; });
    var out = decoder.step(y_prev, h, enc.memory);
    h = out.h;
    var gold = tf.oneHot(tf.tensor1d(tgt.map(function (r) { return r[t]; }), 'int32'), V);
    losses.push(tf.losses.softmaxCrossEntropy(gold, out.logits));
  }
  return tf.div(tf.addN(losses), S);
}

function make_batch() {
  var src = [];
  for (var i = 0; i < B; i++) {
    var row = [];
    for (var t = 0; t < S; t++) row.push(1 + Math.floor(Math.random() * (V - 1)));
    src.push(row);
  }
  return { src: src, tgt: src.map(function (r) { return r.slice().reverse(); }) };
}

var opt = tf.train.adam(0.01);
for (var it = 0; it <= 250; it++) {
  var bt = make_batch();
  var cost = opt.minimize(function () { return seq_loss(bt.src, bt.tgt); }, true);
  if (it % 50 === 0) console.log('it ' + it + ' loss ' + cost.dataSync()[0].toFixed(4));
  cost.dispose();
}

// numeric check: per-position teacher-forced accuracy on a fresh batch
var test = make_batch();
var acc = tf.tidy(function () {
  var enc = encoder.run(test.src);
  var h = enc.last, hits = [];
  for (var t = 0; t < S; t++) {
    var y_prev = test.tgt.map(function (r) { return t === 0 ? GO : r[t - 1]; });
    var out = decoder.step(y_prev, h, enc.memory);
    h = out.h;
    var pred = tf.argMax(out.logits, 1).dataSync();
    hits.push(test.tgt.filter(function (r, b) { return r[t] === pred[b]; }).length / B);
  }
  return hits;
});
console.log('accuracy by position', acc.map(function (a) { return a.toFixed(2); }).join(' '));
