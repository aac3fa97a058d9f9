// expect: returns-input-state
// layer-normalised GRU (Ba et al. 2016) trained with tf.valueAndGrads + hand-rolled clipped SGD; ES5 notebook export
var tf = require('@tensorflow/tfjs');

var T = 12, D = 2, H = 16, B = 32, LR = 0.1, CLIP = 1.0;
var NAMES = ['W', 'U', 'g_x', 'b_x', 'g_h', 'b_h', 'W_y'];

function LNGRU() {}

LNGRU.prototype.init = function () {
  return [
    tf.randomNormal([D, 3 * H], 0, 0.3), tf.randomNormal([H, 3 * H], 0, 0.2),
    tf.ones([3 * H]), tf.zeros([3 * H]), tf.ones([3 * H]), tf.zeros([3 * H]),
    tf.randomNormal([H, 1], 0, 0.2),
  ];
};

LNGRU.prototype.layer_norm = function (a, gain, bias) {
  var m = tf.moments(a, 1, true);
  return tf.add(tf.mul(gain, tf.div(tf.sub(a, m.mean), tf.sqrt(tf.add(m.variance, 1e-5)))), bias);
};

LNGRU.prototype.step = function (p, x, h) {
  var gx = this.layer_norm(tf.matMul(x, p.W), p.g_x, p.b_x);
  var gh = this.layer_norm(tf.matMul(h, p.U), p.g_h, p.b_h);
  var xs = tf.split(gx, 3, 1);
  var hs = tf.split(gh, 3, 1);
  var z = tf.sigmoid(tf.add(xs[0], hs[0]));
  var r = tf.sigmoid(tf.add(xs[1], hs[1]));
  var n = tf.tanh(tf.add(xs[2], tf.mul(r, hs[2])));
  var h_next = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  var y = tf.matMul(h_next, p.W_y);
  return [y, h];
};

LNGRU.prototype.run = function (p, xs) {
  var h = tf.zeros([xs[0].shape[0], H]);
  var ys = [];
  for (var t = 0; t < xs.length; t++) {
    var out = this.step(p, xs[t], h);
    ys.push(out[0]);
    h = out[1];
  }
  return ys;
};

function as_dict(list) {
  var d = {};
  NAMES.forEach(function (n, i) { d[n] = list[i]; });
  return d;
}

// target: 1 if the marked values seen so far sum to > 0, else 0 (channel 1 is the marker)
function make_batch() {
  var xs = [], ys = [], sums = [];
  for (var b = 0; b < B; b++) sums.push(0);
  for (var t = 0; t < T; t++) {
    var rows = [], tg = [];
    for (var b2 = 0; b2 < B; b2++) {
      var v = Math.random() * 2 - 1, mark = Math.random() < 0.3 ? 1 : 0;
      sums[b2] += v * mark;
      rows.push([v, mark]);
      tg.push([sums[b2] > 0 ? 1 : 0]);
    }
    xs.push(tf.tensor2d(rows));
    ys.push(tf.tensor2d(tg));
  }
  return { xs: xs, ys: ys };
}

var cell = new LNGRU();
var params = cell.init();

for (var it = 0; it <= 150; it++) {
  var batch = make_batch();
  var vg = tf.valueAndGrads(function () {
    var p = as_dict(Array.prototype.slice.call(arguments));
    var logits = cell.run(p, batch.xs);
    return tf.div(tf.addN(logits.map(function (l, t) { return tf.losses.sigmoidCrossEntropy(batch.ys[t], l); })), T);
  });
  var res = vg(params);
  var next = tf.tidy(function () {
    return params.map(function (p, i) { return tf.sub(p, tf.mul(tf.clipByValue(res.grads[i], -CLIP, CLIP), LR)); });
  });
  if (it % 50 === 0) console.log('it ' + it + ' loss ' + res.value.dataSync()[0].toFixed(4));
  tf.dispose([params, res.grads, res.value, batch.xs, batch.ys]);
  params = next;
}

// numeric check: accuracy at the final step on held-out data
var test = make_batch();
var acc = tf.tidy(function () {
  var logits = cell.run(as_dict(params), test.xs);
  var pred = tf.greater(logits[T - 1], 0).dataSync();
  var gold = test.ys[T - 1].dataSync();
  var hits = 0;
  for (var i = 0; i < B; i++) if (pred[i] === gold[i]) hits++;
  return hits / B;
});
console.log('final-step accuracy', acc.toFixed(3));
