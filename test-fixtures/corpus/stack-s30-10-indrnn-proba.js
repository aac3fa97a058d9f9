// expect: stacked-activation
// IndRNN (Li et al. 2018) sequence classifier: which of three noisy channels carries the most total mass.
var tf = require('@tensorflow/tfjs');

var D = 3, N = 32, K = 3, T = 15, B = 48;

function IndRNN(d, n, seed) {
  this.n = n;
  this.W = tf.variable(tf.randomNormal([d, n], 0, 0.3, 'float32', seed));
  this.u = tf.variable(tf.randomUniform([n], 0, 1, 'float32', seed + 1));
  this.b = tf.variable(tf.zeros([n]));
}

// h_t = relu(W x_t + u * h_{t-1} + b)
IndRNN.prototype.step = function (x, h) {
  return tf.relu(tf.matMul(x, this.W).add(h.mul(this.u)).add(this.b));
};

function Readout(n, k, seed) {
  this.V = tf.variable(tf.randomNormal([n, k], 0, 0.1, 'float32', seed));
  this.c = tf.variable(tf.zeros([k]));
}

Readout.prototype.apply = function (h) {
  return tf.sigmoid(tf.matMul(h, this.V).add(this.c));
};

function unroll(cell, xs, t, h) {
  if (t === xs.length) return h;
  return unroll(cell, xs, t + 1, cell.step(xs[t], h));
}

function predictProba(cell, ro, xs) {
  var h = unroll(cell, xs, 0, tf.zeros([xs[0].shape[0], cell.n]));
  return tf.softmax(ro.apply(h));
}

function makeBatch(seed) {
  var s = seed;
  function r() { s = (s * 16807) % 2147483647; return s / 2147483647; }
  var X = [], y = [];
  for (var i = 0; i < B; i++) {
    var k = i % K, seq = [];
    for (var t = 0; t < T; t++) {
      var v = [];
      for (var j = 0; j < D; j++) v.push(r() * 0.5 + (j === k && r() < 0.5 ? 0.4 : 0));
      seq.push(v);
    }
    X.push(seq);
    y.push(k);
  }
  var x3 = tf.tensor3d(X);
  var xs = tf.unstack(x3, 1);
  x3.dispose();
  return { xs: xs, Y: tf.oneHot(tf.tensor1d(y, 'int32'), K).toFloat(), y: y };
}

function nll(P, Y) {
  return tf.neg(tf.mean(tf.sum(Y.mul(tf.log(P.add(1e-7))), 1)));
}

var cell = new IndRNN(D, N, 3);
var ro = new Readout(N, K, 9);
var opt = tf.train.adam(0.01);
var tr = makeBatch(5);

for (var it = 0; it <= 150; it++) {
  var L = opt.minimize(function () { return nll(predictProba(cell, ro, tr.xs), tr.Y); }, true);
  if (it % 50 === 0) console.log('it', it, 'nll', L.dataSync()[0].toFixed(4));
  L.dispose();
}

var te = makeBatch(77);
var P = predictProba(cell, ro, te.xs);
var pred = P.argMax(1).dataSync();
var acc = 0;
for (var i = 0; i < B; i++) if (pred[i] === te.y[i]) acc++;
console.log('test acc', (acc / B).toFixed(3), 'mean max p', P.max(1).mean().dataSync()[0].toFixed(3));
