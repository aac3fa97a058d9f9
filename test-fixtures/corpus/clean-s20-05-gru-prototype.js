// expect: none
// Hand-rolled GRU (prototype style) that learns to output the running parity of a bit stream.
var tf = require('@tensorflow/tfjs');

function GRU(inputSize, hiddenSize) {
  this.hiddenSize = hiddenSize;
  var glorot = tf.initializers.glorotUniform({});
  this.Wz = tf.variable(glorot.apply([inputSize + hiddenSize, hiddenSize]), true, 'Wz');
  this.Wr = tf.variable(glorot.apply([inputSize + hiddenSize, hiddenSize]), true, 'Wr');
  this.Wh = tf.variable(glorot.apply([inputSize + hiddenSize, hiddenSize]), true, 'Wh');
  this.bz = tf.variable(tf.zeros([hiddenSize]), true, 'bz');
  this.br = tf.variable(tf.zeros([hiddenSize]), true, 'br');
  this.bh = tf.variable(tf.zeros([hiddenSize]), true, 'bh');
  this.Wy = tf.variable(glorot.apply([hiddenSize, 1]), true, 'Wy');
  this.by = tf.variable(tf.zeros([1]), true, 'by');
}

GRU.prototype.step = function (x, h) {
  var xh = tf.concat([x, h], 1);
  var z = tf.sigmoid(tf.add(tf.matMul(xh, this.Wz), this.bz));
  var r = tf.sigmoid(tf.add(tf.matMul(xh, this.Wr), this.br));
  var xrh = tf.concat([x, tf.mul(r, h)], 1);
  var cand = tf.tanh(tf.add(tf.matMul(xrh, this.Wh), this.bh));
  var hNext = tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, cand));
  var logit = tf.add(tf.matMul(hNext, this.Wy), this.by);
  return { logit: logit, h: hNext };
};

GRU.prototype.initialState = function (batch) {
  return tf.zeros([batch, this.hiddenSize]);
};

GRU.prototype.loss = function (xs, ys) {
  // xs: [T, batch, 1], ys: [T, batch, 1]
  var self = this;
  var steps = xs.shape[0];
  var h = this.initialState(xs.shape[1]);
  var total = tf.scalar(0);
  for (var t = 0; t < steps; t++) {
    var out = self.step(xs.gather(t), h);
    h = out.h;
    total = tf.add(total, tf.losses.sigmoidCrossEntropy(ys.gather(t), out.logit));
  }
  return tf.div(total, steps);
};

GRU.prototype.variables = function () {
  return [this.Wz, this.Wr, this.Wh, this.bz, this.br, this.bh, this.Wy, this.by];
};

function makeBatch(batch, steps) {
  var xs = [];
  var ys = [];
  var parity = [];
  for (var b = 0; b < batch; b++) parity.push(0);
  for (var t = 0; t < steps; t++) {
    var xRow = [];
    var yRow = [];
    for (var i = 0; i < batch; i++) {
      var bit = Math.random() < 0.5 ? 0 : 1;
      parity[i] ^= bit;
      xRow.push([bit]);
      yRow.push([parity[i]]);
    }
    xs.push(xRow);
    ys.push(yRow);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor3d(ys) };
}

function train(iterations) {
  var net = new GRU(1, 16);
  var opt = tf.train.adam(0.02);
  for (var it = 0; it < iterations; it++) {
    var batch = makeBatch(32, 8);
    var cost = opt.minimize(function () {
      return net.loss(batch.xs, batch.ys);
    }, true, net.variables());
    if (it % 50 === 0) console.log('iter', it, 'loss', cost.dataSync()[0].toFixed(4));
    tf.dispose([cost, batch.xs, batch.ys]);
  }
  return net;
}

var net = train(200);
var probe = makeBatch(1, 8);
var h = net.initialState(1);
var preds = [];
for (var t = 0; t < 8; t++) {
  var out = net.step(probe.xs.gather(t), h);
  h.dispose();
  h = out.h;
  preds.push(tf.sigmoid(out.logit).dataSync()[0] > 0.5 ? 1 : 0);
  out.logit.dispose();
}
console.log('target', probe.ys.flatten().arraySync().join(''), 'pred', preds.join(''));
