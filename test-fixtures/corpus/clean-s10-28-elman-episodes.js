// expect: none
// Recurrent policy (ES5 prototypes) for a partially observable grid game; runs several episodes and reports returns.
var tf = require('@tensorflow/tfjs');

function RecurrentPolicy(obsSize, hiddenSize, numActions) {
  this.hiddenSize = hiddenSize;
  this.Wx = tf.variable(tf.randomNormal([obsSize, hiddenSize], 0, 0.3));
  this.Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.3));
  this.bh = tf.variable(tf.zeros([hiddenSize]));
  this.Wa = tf.variable(tf.randomNormal([hiddenSize, numActions], 0, 0.3));
  this.hidden = null;
}

RecurrentPolicy.prototype.reset = function () {
  if (this.hidden) this.hidden.dispose();
  this.hidden = tf.zeros([1, this.hiddenSize]);
};

RecurrentPolicy.prototype.act = function (observation) {
  var self = this;
  var prev = this.hidden;
  var probs = tf.tidy(function () {
    var x = tf.tensor2d([observation]);
    var h = tf.tanh(tf.add(tf.add(tf.matMul(x, self.Wx), tf.matMul(prev, self.Wh)), self.bh));
    self.hidden = tf.keep(h);
    return tf.softmax(tf.matMul(h, self.Wa));
  });
  prev.dispose();
  var p = probs.dataSync();
  probs.dispose();
  var r = Math.random();
  var acc = 0;
  for (var a = 0; a < p.length; a++) {
    acc += p[a];
    if (r <= acc) return a;
  }
  return p.length - 1;
};

function GridGame(size) {
  this.size = size;
}
GridGame.prototype.start = function () {
  this.pos = 0;
  this.goal = this.size - 1;
  this.t = 0;
  return this.observe();
};
GridGame.prototype.observe = function () {
  // the agent only sees whether a wall is left/right of it, not its position
  return [this.pos === 0 ? 1 : 0, this.pos === this.size - 1 ? 1 : 0, 1];
};
GridGame.prototype.step = function (action) {
  this.t++;
  this.pos = Math.max(0, Math.min(this.size - 1, this.pos + (action === 1 ? 1 : -1)));
  var done = this.pos === this.goal || this.t >= 4 * this.size;
  return { obs: this.observe(), reward: this.pos === this.goal ? 1 : -0.01, done: done };
};

function runEpisodes(policy, game, n) {
  var returns = [];
  for (var ep = 0; ep < n; ep++) {
    policy.reset();
    var obs = game.start();
    var total = 0;
    var done = false;
    while (!done) {
      var res = game.step(policy.act(obs));
      total += res.reward;
      obs = res.obs;
      done = res.done;
    }
    returns.push(total);
  }
  return returns;
}

module.exports = { RecurrentPolicy: RecurrentPolicy, GridGame: GridGame, runEpisodes: runEpisodes };

if (require.main === module) {
  var policy = new RecurrentPolicy(3, 8, 2);
  var returns = runEpisodes(policy, new GridGame(6), 5);
  console.log('returns', returns.map(function (r) { return r.toFixed(2); }).join(', '));
  console.log('tensors', tf.memory().numTensors);
}
