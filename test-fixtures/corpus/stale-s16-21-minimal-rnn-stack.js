// expect: stale-state
// stacked minimalRNN (Chen 2017) regressing the running mean of a noisy signal; ES5 code from the course notebook
var tf = require('@tensorflow/tfjs');

var T = 16, H = 16, B = 32;

function MinimalRNNCell(d_in, name) {
  this.W_x = tf.variable(tf.randomNormal([d_in, H], 0, 0.3), true, name + '_Wx');
  this.b_z = tf.variable(tf.zeros([H]), true, name + '_bz');
  this.U_h = tf.variable(tf.randomNormal([H, H], 0, 0.2), true, name + '_Uh');
  this.U_z = tf.variable(tf.randomNormal([H, H], 0, 0.2), true, name + '_Uz');
  this.b_u = tf.variable(tf.fill([H], 1.0), true, name + '_bu');
}

// z_t = tanh(W_x x_t + b_z);  u_t = sigmoid(U_h h_{t-1} + U_z z_t + b_u);  h_t = u_t * h_{t-1} + (1 - u_t) * z_t
MinimalRNNCell.prototype.step = function (x_t, h_prev) {
  var z = tf.tanh(tf.add(tf.matMul(x_t, this.W_x), this.b_z));
  var u = tf.sigmoid(tf.add(tf.add(tf.matMul(h_prev, this.U_h), tf.matMul(z, this.U_z)), this.b_u));
  return tf.add(tf.mul(u, h_prev), tf.mul(tf.sub(1, u), z));
};

function unroll(cell, xs, h0) {
  var result = xs.reduce(function (acc, x_t) {
    var h_t = cell.step(x_t, acc.h);
    acc.hs.push(h_t);
    return acc;
  }, { h: h0, hs: [] });
  return result.hs;
}

function StackedModel(n_layers) {
  this.cells = [];
  for (var l = 0; l < n_layers; l++) this.cells.push(new MinimalRNNCell(l === 0 ? 1 : H, 'l' + l));
  this.w_out = tf.variable(tf.randomNormal([H, 1], 0, 0.2), true, 'w_out');
  this.b_out = tf.variable(tf.zeros([1]), true, 'b_out');
}

StackedModel.prototype.predict_seq = function (xs) {
  var seq = xs;
  var n = xs[0].shape[0];
  this.cells.forEach(function (cell) {
    seq = unroll(cell, seq, tf.zeros([n, H]));
  });
  var self = this;
  return seq.map(function (h) { return tf.add(tf.matMul(h, self.w_out), self.b_out); });
};

function make_batch() {
  var rows = [];
  for (var b = 0; b < B; b++) {
    var level = Math.random() * 2 - 1, row = [];
    for (var t = 0; t < T; t++) row.push(level + 0.5 * (Math.random() - 0.5));
    rows.push(row);
  }
  var xs = [], ys = [];
  for (var t2 = 0; t2 < T; t2++) {
    xs.push(tf.tensor2d(rows.map(function (r) { return [r[t2]]; })));
    ys.push(tf.tensor2d(rows.map(function (r) {
      var s = 0;
      for (var k = 0; k <= t2; k++) s += r[k];
      return [s / (t2 + 1)];
    })));
  }
  return { xs: xs, ys: ys };
}

var model = new StackedModel(2);
var opt = tf.train.adam(0.01);
for (var it = 0; it <= 200; it++) {
  var batch = make_batch();
  var cost = opt.minimize(function () {
    var preds = model.predict_seq(batch.xs);
    return tf.div(tf.addN(preds.map(function (p, t) { return tf.losses.meanSquaredError(batch.ys[t], p); })), T);
  }, true);
  if (it % 50 === 0) console.log('it ' + it + ' mse ' + cost.dataSync()[0].toFixed(5));
  tf.dispose([cost, batch.xs, batch.ys]);
}

// numeric check: error at the last step should be far below the per-sample noise variance (0.0208)
var test = make_batch();
var last_mse = tf.tidy(function () {
  var preds = model.predict_seq(test.xs);
  return tf.losses.meanSquaredError(test.ys[T - 1], preds[T - 1]).dataSync()[0];
});
console.log('last-step mse', last_mse.toFixed(5));
