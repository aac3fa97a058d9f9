// expect: none
// Phone launcher helper: listens to app-open events and ranks which app to pin next, using an LSTM over today's launches.
var tf = require('@tensorflow/tfjs');

var APPS = ['mail', 'maps', 'camera', 'music', 'chat', 'browser'];
var UNITS = 14;

function LaunchLSTM(seed) {
  var inSize = APPS.length + 2;
  this.Wi = tf.randomNormal([inSize + UNITS, UNITS], 0, 0.25, 'float32', seed);
  this.Wf = tf.randomNormal([inSize + UNITS, UNITS], 0, 0.25, 'float32', seed + 1);
  this.Wo = tf.randomNormal([inSize + UNITS, UNITS], 0, 0.25, 'float32', seed + 2);
  this.Wg = tf.randomNormal([inSize + UNITS, UNITS], 0, 0.25, 'float32', seed + 3);
  this.bf = tf.ones([UNITS]);
  this.Wout = tf.randomNormal([UNITS, APPS.length], 0, 0.4, 'float32', seed + 4);
  this.bout = tf.zeros([APPS.length]);
}

LaunchLSTM.prototype.zeroState = function () {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
};

LaunchLSTM.prototype.step = function (x, state) {
  var self = this;
  return tf.tidy(function () {
    var xh = tf.concat([x, state.h], 1);
    var inputGate = tf.sigmoid(xh.matMul(self.Wi));
    var forgetGate = tf.sigmoid(xh.matMul(self.Wf).add(self.bf));
    var outputGate = tf.sigmoid(xh.matMul(self.Wo));
    var candidate = tf.tanh(xh.matMul(self.Wg));
    var c = forgetGate.mul(state.c).add(inputGate.mul(candidate));
    var h = outputGate.mul(tf.tanh(c));
    var probs = tf.softmax(h.matMul(self.Wout).add(self.bout));
    return { state: { h: h, c: c }, probs: probs };
  });
};

function Launcher(model) {
  this.model = model;
  this.state = model.zeroState();
  this.day = null;
  this.listeners = [];
}

Launcher.prototype.onSuggestion = function (fn) {
  this.listeners.push(fn);
};

Launcher.prototype.handleAppOpened = function (event) {
  var day = event.date.slice(0, 10);
  if (day !== this.day) {
    tf.dispose([this.state.h, this.state.c]);
    this.state = this.model.zeroState();
    this.day = day;
  }
  var hour = Number(event.date.slice(11, 13));
  var features = APPS.map(function (name) {
    return name === event.app ? 1 : 0;
  });
  features.push(Math.sin((2 * Math.PI * hour) / 24), Math.cos((2 * Math.PI * hour) / 24));

  var x = tf.tensor2d([features]);
  var result = this.model.step(x, this.state);
  x.dispose();
  tf.dispose([this.state.h, this.state.c]);
  this.state = result.state;

  var p = result.probs.dataSync();
  result.probs.dispose();
  var ranked = APPS.map(function (name, i) {
    return { app: name, p: p[i] };
  }).sort(function (a, b) {
    return b.p - a.p;
  });
  for (var i = 0; i < this.listeners.length; i++) this.listeners[i](ranked.slice(0, 3));
};

module.exports = { LaunchLSTM: LaunchLSTM, Launcher: Launcher, APPS: APPS };

if (require.main === module) {
  var launcher = new Launcher(new LaunchLSTM(800));
  launcher.onSuggestion(function (top) {
    console.log(top.map(function (t) { return t.app + ':' + t.p.toFixed(2); }).join(', '));
  });
  ['2024-05-01T08:02 mail', '2024-05-01T08:30 maps', '2024-05-01T12:10 chat', '2024-05-02T07:55 mail'].forEach(function (line) {
    var parts = line.split(' ');
    launcher.handleAppOpened({ date: parts[0], app: parts[1] });
  });
}
