// expect: returns-input-state
// Leaky-integrator ESN (Jaeger 2007) with an online LMS readout, one-step prediction of a two-tone signal.
var tf = require('@tensorflow/tfjs');

function LeakyESN(n, a, seed) {
  this.n = n;
  this.a = a;
  this.Win = tf.randomUniform([2, n], -0.5, 0.5, 'float32', seed);
  var W = tf.randomNormal([n, n], 0, 1 / Math.sqrt(n), 'float32', seed + 1);
  this.W = W.mul(0.9);
  W.dispose();
  this.Wout = tf.zeros([n + 2, 1]);
}

// x' = (1-a) x + a tanh(Win [1;u] + W x),  y = Wout^T [1; u; x']
LeakyESN.prototype.step = function (u, x) {
  var self = this;
  return tf.tidy(function () {
    var ub = tf.tensor2d([[1, u]]);
    var xn = x.mul(1 - self.a).add(tf.tanh(tf.matMul(ub, self.Win).add(tf.matMul(x, self.W))).mul(self.a));
    var z = tf.concat([ub, xn], 1);
    return { y: tf.matMul(z, self.Wout), z: z, x: x };
  });
};

LeakyESN.prototype.lms = function (z, e, eta) {
  var Wold = this.Wout;
  this.Wout = tf.tidy(function () { return Wold.add(z.transpose().mul(e * eta)); });
  Wold.dispose();
};

function twoTone(T) {
  var s = [];
  for (var t = 0; t < T; t++) s.push(0.5 * Math.sin(0.3 * t) + 0.3 * Math.sin(0.11 * t + 1));
  return s;
}

var series = twoTone(2000);
var esn = new LeakyESN(80, 0.5, 13);
var x = tf.zeros([1, esn.n]);
var se = 0, cnt = 0;

for (var t = 0; t < series.length - 1; t++) {
  var r = esn.step(series[t], x);
  x = r.x;
  var yhat = r.y.dataSync()[0];
  var e = series[t + 1] - yhat;
  if (t > 100) esn.lms(r.z, e, 0.05);
  if (t > 1500) { se += e * e; cnt++; }
  r.y.dispose();
  r.z.dispose();
}
console.log('late-window mse', (se / cnt).toExponential(3));
