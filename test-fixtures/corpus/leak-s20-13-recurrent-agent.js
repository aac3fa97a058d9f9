// expect: state-leak
// Recurrent policy agent (prototype style) that plays episodes of a tiny corridor game with a GRU stepper model.
var tf = require('@tensorflow/tfjs');

var OBS = 3;
var ACTIONS = 2;
var UNITS = 8;

function buildPolicy() {
  var obs = tf.input({ shape: [1, OBS] });
  var hIn = tf.input({ shape: [UNITS] });
  var outs = tf.layers.gru({ units: UNITS, returnState: true }).apply(obs, { initialState: hIn });
  var logits = tf.layers.dense({ units: ACTIONS }).apply(outs[0]);
  return tf.model({ inputs: [obs, hIn], outputs: [logits, outs[1]] });
}

function Corridor(length) {
  this.length = length;
  this.reset();
}
Corridor.prototype.reset = function () {
  this.pos = 0;
  this.t = 0;
  return this.observe();
};
Corridor.prototype.observe = function () {
  return [this.pos / this.length, this.pos === this.length - 1 ? 1 : 0, this.t / 20];
};
Corridor.prototype.step = function (action) {
  this.t += 1;
  this.pos = Math.max(0, Math.min(this.length - 1, this.pos + (action === 1 ? 1 : -1)));
  var done = this.pos === this.length - 1 || this.t >= 20;
  return { obs: this.observe(), reward: this.pos === this.length - 1 ? 1 : -0.01, done: done };
};

function Agent(policy) {
  this.policy = policy;
  this.h = tf.zeros([1, UNITS]);
  this.episodeReward = 0;
  this.steps = 0;
  this.firstProbs = [];
}
Agent.prototype.reset = function () {
  this.episodeReward = 0;
  this.steps = 0;
};
Agent.prototype.act = function (obs) {
  var self = this;
  var x = tf.tensor3d([[obs]]);
  var res = this.policy.predict([x, this.h]);
  var probs = tf.softmax(res[0]).dataSync();
  this.h.dispose();
  this.h = res[1];
  tf.dispose([x, res[0]]);
  if (self.steps === 0) self.firstProbs.push(probs[1].toFixed(4));
  self.steps += 1;
  return Math.random() < probs[1] ? 1 : 0;
};
Agent.prototype.observeReward = function (r) {
  this.episodeReward += r;
};

function runEpisodes(n) {
  var env = new Corridor(6);
  var agent = new Agent(buildPolicy());
  var returns = [];
  for (var ep = 0; ep < n; ep++) {
    var obs = env.reset();
    agent.reset();
    var done = false;
    while (!done) {
      var out = env.step(agent.act(obs));
      agent.observeReward(out.reward);
      obs = out.obs;
      done = out.done;
    }
    returns.push(agent.episodeReward.toFixed(2));
  }
  console.log('returns', returns.join(' '));
  console.log('p(right) at first step of each episode', agent.firstProbs.join(' '));
  console.log('tensors alive', tf.memory().numTensors);
}

runEpisodes(5);
