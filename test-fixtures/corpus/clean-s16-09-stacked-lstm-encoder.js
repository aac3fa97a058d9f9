// expect: none
// 2-layer LSTM sentence encoder from the old ES5 demo: token id sequences -> fixed-size vectors (h and c of the top layer)
var tf = require('@tensorflow/tfjs');

function LSTMCell(input_size, hidden_size, seed) {
  this.hidden_size = hidden_size;
  this.W = tf.randomNormal([input_size, 4 * hidden_size], 0, 0.3, 'float32', seed);
  this.U = tf.randomNormal([hidden_size, 4 * hidden_size], 0, 0.3, 'float32', seed + 1);
  this.b = tf.zeros([4 * hidden_size]);
}

LSTMCell.prototype.zero_state = function (batch) {
  return { h: tf.zeros([batch, this.hidden_size]), c: tf.zeros([batch, this.hidden_size]) };
};

LSTMCell.prototype.step = function (x, state) {
  var z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(state.h, this.U)), this.b);
  var parts = tf.split(z, 4, 1);
  var i = tf.sigmoid(parts[0]);
  var f = tf.sigmoid(parts[1]);
  var g = tf.tanh(parts[2]);
  var o = tf.sigmoid(parts[3]);
  var c = tf.add(tf.mul(f, state.c), tf.mul(i, g));
  var h = tf.mul(o, tf.tanh(c));
  return { h: h, c: c };
};

function StackedEncoder(vocab_size, emb_size, hidden_size, n_layers) {
  this.E = tf.randomNormal([vocab_size, emb_size], 0, 1, 'float32', 11);
  this.cells = [];
  for (var l = 0; l < n_layers; l++) {
    this.cells.push(new LSTMCell(l === 0 ? emb_size : hidden_size, hidden_size, 100 + 10 * l));
  }
}

StackedEncoder.prototype.encode = function (ids_batch) {
  var self = this;
  return tf.tidy(function () {
    var T = ids_batch[0].length;
    var states = self.cells.map(function (cell) { return cell.zero_state(ids_batch.length); });
    for (var t = 0; t < T; t++) {
      var ids = tf.tensor1d(ids_batch.map(function (row) { return row[t]; }), 'int32');
      var inp = tf.gather(self.E, ids);
      for (var l = 0; l < self.cells.length; l++) {
        states[l] = self.cells[l].step(inp, states[l]);
        inp = states[l].h;
      }
    }
    var top = states[states.length - 1];
    return { h: top.h, c: top.c };
  });
};

function cosine(a, b) {
  return tf.tidy(function () {
    var num = tf.sum(tf.mul(a, b), 1);
    var den = tf.mul(tf.norm(a, 'euclidean', 1), tf.norm(b, 'euclidean', 1));
    return Array.from(tf.div(num, den).dataSync());
  });
}

var enc = new StackedEncoder(20, 8, 16, 2);

// experiment 1: same sentence twice -> identical encodings (no state carried between calls)
var s1 = [[1, 4, 7, 2, 9, 3]];
var e_a = enc.encode(s1);
var e_b = enc.encode(s1);
console.log('same sentence, cos(h):', cosine(e_a.h, e_b.h)[0].toFixed(5));

// experiment 2: order sensitivity -> reversed sentence should differ
var e_rev = enc.encode([s1[0].slice().reverse()]);
console.log('reversed sentence, cos(h):', cosine(e_a.h, e_rev.h)[0].toFixed(5));

// experiment 3: batch of sentences, c vs h magnitudes
var batch = [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], [7, 7, 7, 7, 7, 7], [1, 4, 7, 2, 9, 3]];
var e_batch = enc.encode(batch);
console.log('mean |h|', tf.mean(tf.abs(e_batch.h)).dataSync()[0].toFixed(4),
  'mean |c|', tf.mean(tf.abs(e_batch.c)).dataSync()[0].toFixed(4));
console.log('batch row 3 vs single, cos(c):', cosine(e_batch.c.slice([3, 0], [1, -1]), e_a.c)[0].toFixed(5));

tf.dispose([e_a, e_b, e_rev, e_batch]);
console.log('tensors:', tf.memory().numTensors);
