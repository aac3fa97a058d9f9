// expect: state-leak
// Rolls out a small recurrent policy on a toy corridor environment and reports the return of each episode.
var tf = require('@tensorflow/tfjs');

function Corridor(length) {
  this.length = length || 8;
  this.pos = 0;
}
Corridor.prototype.reset = function () {
  this.pos = Math.floor(this.length / 2);
  return this.observe();
};
Corridor.prototype.observe = function () {
  var obs = [0, 0, 0];
  obs[0] = this.pos / this.length;
  obs[1] = this.pos === 0 ? 1 : 0;
  obs[2] = this.pos === this.length - 1 ? 1 : 0;
  return obs;
};
Corridor.prototype.step = function (action) {
  this.pos = Math.max(0, Math.min(this.length - 1, this.pos + (action === 0 ? -1 : 1)));
  var done = this.pos === this.length - 1;
  return { obs: this.observe(), reward: done ? 1 : -0.05, done: done };
};

function RecurrentPolicy(obsDim, units, nActions, seed) {
  var s = seed || 9;
  this.units = units;
  this.Wx = tf.randomNormal([obsDim, units], 0, 0.5, 'float32', s);
  this.Wh = tf.randomNormal([units, units], 0, 0.5, 'float32', s + 1);
  this.Wo = tf.randomNormal([units, nActions], 0, 0.5, 'float32', s + 2);
  this.h = tf.zeros([1, units]);
}
RecurrentPolicy.prototype.act = function (obs) {
  var self = this;
  var out = tf.tidy(function () {
    var x = tf.tensor2d([obs]);
    var h = tf.tanh(x.matMul(self.Wx).add(self.h.matMul(self.Wh)));
    return { h: h, action: tf.argMax(h.matMul(self.Wo), 1) };
  });
  self.h.dispose();
  self.h = out.h;
  var a = out.action.dataSync()[0];
  out.action.dispose();
  return a;
};

function EpisodeRunner(env, policy) {
  this.env = env;
  this.policy = policy;
  this.steps = 0;
  this.totalReward = 0;
}
EpisodeRunner.prototype.reset = function () {
  this.steps = 0;
  this.totalReward = 0;
  return this.env.reset();
};
EpisodeRunner.prototype.runEpisode = function (maxSteps) {
  var obs = this.reset();
  for (var t = 0; t < maxSteps; t++) {
    var res = this.env.step(this.policy.act(obs));
    this.steps += 1;
    this.totalReward += res.reward;
    obs = res.obs;
    if (res.done) break;
  }
  return { steps: this.steps, ret: this.totalReward };
};

function evaluate(nEpisodes) {
  var runner = new EpisodeRunner(new Corridor(8), new RecurrentPolicy(3, 12, 2));
  var results = [];
  for (var i = 0; i < nEpisodes; i++) {
    results.push(runner.runEpisode(30));
  }
  return results;
}

module.exports = { Corridor: Corridor, RecurrentPolicy: RecurrentPolicy, EpisodeRunner: EpisodeRunner, evaluate: evaluate };

if (require.main === module) {
  evaluate(5).forEach(function (r, i) {
    console.log('episode ' + i + ': steps=' + r.steps + ' return=' + r.ret.toFixed(2));
  });
}
