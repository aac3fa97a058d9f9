// expect: none
// Evaluates a recurrent policy on a toy grid for several episodes; the policy memory starts fresh in every episode.
var tf = require('@tensorflow/tfjs');

function Grid(size) {
  this.size = size || 5;
  this.x = 0;
  this.y = 0;
}
Grid.prototype.reset = function () {
  this.x = 0;
  this.y = 0;
  return this.observe();
};
Grid.prototype.observe = function () {
  return [this.x / this.size, this.y / this.size, this.x === this.size - 1 ? 1 : 0, this.y === this.size - 1 ? 1 : 0];
};
Grid.prototype.step = function (a) {
  if (a === 0) this.x = Math.min(this.size - 1, this.x + 1);
  else if (a === 1) this.y = Math.min(this.size - 1, this.y + 1);
  else if (a === 2) this.x = Math.max(0, this.x - 1);
  else this.y = Math.max(0, this.y - 1);
  var done = this.x === this.size - 1 && this.y === this.size - 1;
  return { obs: this.observe(), reward: done ? 1 : -0.02, done: done };
};

function MemoryPolicy(obsDim, units, seed) {
  var s = seed || 161;
  this.units = units;
  this.Wx = tf.randomNormal([obsDim, units], 0, 0.5, 'float32', s);
  this.Wh = tf.randomNormal([units, units], 0, 0.5, 'float32', s + 1);
  this.Wo = tf.randomNormal([units, 4], 0, 0.5, 'float32', s + 2);
  this.h = null;
}
MemoryPolicy.prototype.resetState = function () {
  if (this.h) this.h.dispose();
  this.h = tf.zeros([1, this.units]);
};
MemoryPolicy.prototype.act = function (obs) {
  var self = this;
  var hNext = tf.tidy(function () {
    return tf.tanh(tf.tensor2d([obs]).matMul(self.Wx).add(self.h.matMul(self.Wh)));
  });
  self.h.dispose();
  self.h = hNext;
  return tf.tidy(function () {
    return tf.argMax(hNext.matMul(self.Wo), 1).dataSync()[0];
  });
};

function Evaluator(env, policy) {
  this.env = env;
  this.policy = policy;
  this.returns = [];
}
Evaluator.prototype.episode = function (maxSteps) {
  var obs = this.env.reset();
  this.policy.resetState();
  var total = 0;
  var t = 0;
  while (t < maxSteps) {
    var r = this.env.step(this.policy.act(obs));
    total += r.reward;
    obs = r.obs;
    t++;
    if (r.done) break;
  }
  this.returns.push(total);
  return this;
};
Evaluator.prototype.summary = function () {
  var n = this.returns.length;
  var mean = this.returns.reduce(function (a, b) { return a + b; }, 0) / (n || 1);
  return { episodes: n, meanReturn: mean, returns: this.returns.slice() };
};

module.exports = { Grid: Grid, MemoryPolicy: MemoryPolicy, Evaluator: Evaluator };

if (require.main === module) {
  var ev = new Evaluator(new Grid(5), new MemoryPolicy(4, 10));
  for (var i = 0; i < 4; i++) ev.episode(25);
  console.log(ev.summary());
}
