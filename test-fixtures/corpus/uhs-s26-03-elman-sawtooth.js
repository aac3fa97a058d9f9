// expect: unused-hidden-state
// Notebook export (ijavascript): Elman network that learns to predict the next value of a noisy sawtooth wave.
var tf = require('@tensorflow/tfjs');

// --- cell 1: settings ---
var SEQ_LEN = 16;
var HIDDEN = 10;
var EPOCHS = 40;

// --- cell 2: the network ---
function ElmanNet(inputSize, hiddenSize) {
  this.hiddenSize = hiddenSize;
  this.Wxh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.3, 'float32', 1));
  this.Whh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.3, 'float32', 2));
  this.bh = tf.variable(tf.zeros([hiddenSize]));
  this.Who = tf.variable(tf.randomNormal([hiddenSize, 1], 0, 0.3, 'float32', 3));
  this.bo = tf.variable(tf.zeros([1]));
}

ElmanNet.prototype.initialState = function (batch) {
  return tf.zeros([batch, this.hiddenSize]);
};

ElmanNet.prototype.step = function (x, h) {
  var inPart = tf.matMul(x, this.Wxh);
  var recPart = tf.matMul(h, this.Whh);
  var pre = tf.add(inPart, recPart);
  var hNew = tf.tanh(tf.add(inPart, this.bh));
  var y = tf.add(tf.matMul(hNew, this.Who), this.bo);
  return { y: y, h: hNew };
};

ElmanNet.prototype.forward = function (xs) {
  // xs: array of [batch, 1] tensors
  var h = this.initialState(xs[0].shape[0]);
  var ys = [];
  for (var t = 0; t < xs.length; t++) {
    var out = this.step(xs[t], h);
    ys.push(out.y);
    h = out.h;
  }
  return ys;
};

// --- cell 3: data ---
function sawtooth(n, offset) {
  var vals = [];
  for (var i = 0; i < n; i++) vals.push(((i + offset) % 5) / 5 + 0.05 * Math.sin(7 * i));
  return vals;
}
var series = [sawtooth(SEQ_LEN + 1, 0), sawtooth(SEQ_LEN + 1, 2), sawtooth(SEQ_LEN + 1, 3)];
var inputs = [];
var targets = [];
for (var t = 0; t < SEQ_LEN; t++) {
  inputs.push(tf.tensor2d(series.map(function (s) { return [s[t]]; })));
  targets.push(tf.tensor2d(series.map(function (s) { return [s[t + 1]]; })));
}

// --- cell 4: train ---
var net = new ElmanNet(1, HIDDEN);
var opt = tf.train.adam(0.03);
var history = [];
for (var epoch = 0; epoch < EPOCHS; epoch++) {
  var loss = opt.minimize(function () {
    var ys = net.forward(inputs);
    var total = tf.scalar(0);
    ys.forEach(function (y, k) {
      total = total.add(tf.losses.meanSquaredError(targets[k], y));
    });
    return total.div(ys.length);
  }, true);
  if (epoch % 10 === 0 || epoch === EPOCHS - 1) history.push({ epoch: epoch, loss: +loss.dataSync()[0].toFixed(5) });
  loss.dispose();
}
console.table(history);

// --- cell 5: peek at predictions for the first series ---
var preds = tf.tidy(function () {
  return net.forward(inputs).map(function (y) { return y.dataSync()[0].toFixed(3); });
});
console.log('pred  ', preds.slice(0, 10).join(' '));
console.log('target', series[0].slice(1, 11).map(function (v) { return v.toFixed(3); }).join(' '));
