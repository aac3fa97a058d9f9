// expect: state-leak
// Recurrent policy for the gridworld demo (ES5 so it runs in the old kiosk browser); AttentivePolicy adds a short memory.
var tf = require('@tensorflow/tfjs');

function RecurrentPolicy(obsDim, units, nActions) {
  this.units = units;
  this.Wx = tf.variable(tf.randomNormal([obsDim, units], 0, 0.5, 'float32', 1));
  this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', 2));
  this.Wa = tf.variable(tf.randomNormal([units, nActions], 0, 0.5, 'float32', 3));
  this.h = null;
}

RecurrentPolicy.prototype.reset = function () {
  if (this.h) this.h.dispose();
  this.h = tf.zeros([1, this.units]);
};

RecurrentPolicy.prototype.advance = function (obs) {
  var self = this;
  var prev = this.h || tf.zeros([1, this.units]);
  var hNew = tf.tidy(function () {
    var x = tf.tensor2d([obs]);
    return tf.tanh(tf.add(tf.matMul(x, self.Wx), tf.matMul(prev, self.Wh)));
  });
  if (this.h) this.h.dispose();
  this.h = hNew;
  return hNew;
};

RecurrentPolicy.prototype.act = function (obs) {
  var h = this.advance(obs);
  var self = this;
  return tf.tidy(function () {
    return tf.matMul(h, self.Wa).argMax(-1).dataSync()[0];
  });
};

function AttentivePolicy(obsDim, units, nActions, window) {
  RecurrentPolicy.call(this, obsDim, units, nActions);
  this.window = window || 4;
  this.recent = [];
}

AttentivePolicy.prototype = Object.create(RecurrentPolicy.prototype);
AttentivePolicy.prototype.constructor = AttentivePolicy;

AttentivePolicy.prototype.reset = function () {
  this.recent.forEach(function (t) { t.dispose(); });
  this.recent = [];
};

AttentivePolicy.prototype.act = function (obs) {
  var h = this.advance(obs);
  this.recent.push(h.clone());
  if (this.recent.length > this.window) this.recent.shift().dispose();
  var self = this;
  return tf.tidy(function () {
    var mem = tf.mean(tf.concat(self.recent, 0), 0, true);
    return tf.matMul(tf.add(h, mem), self.Wa).argMax(-1).dataSync()[0];
  });
};

function runEpisodes(policy, episodes) {
  return episodes.map(function (observations) {
    policy.reset();
    return observations.map(function (obs) { return policy.act(obs); });
  });
}

module.exports = { RecurrentPolicy: RecurrentPolicy, AttentivePolicy: AttentivePolicy, runEpisodes: runEpisodes };

if (require.main === module) {
  var policy = new AttentivePolicy(2, 6, 4, 3);
  var start = [[0, 0], [0, 1], [1, 1]];
  console.log(runEpisodes(policy, [[[4, 4], [3, 4], [3, 3]], start, start]));
}
