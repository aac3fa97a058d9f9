// expect: state-leak
// Recurrent policy (GRU-ish) for a tiny partially observed corridor task, translated from a PyTorch DRQN notebook.
var tf = require('@tensorflow/tfjs');

function CorridorEnv(length) {
  this.length = length || 6;
}
CorridorEnv.prototype.reset = function () {
  this.pos = 0;
  this.t = 0;
  // the goal side is only shown on the first observation
  this.goal = Math.random() < 0.5 ? -1 : 1;
  return [1, this.goal];
};
CorridorEnv.prototype.step = function (action) {
  this.t += 1;
  this.pos += action === 1 ? 1 : 0;
  var done = this.pos >= this.length || this.t >= this.length * 2;
  var reward = 0;
  if (this.pos >= this.length) reward = (action === 1 && this.goal === 1) ? 1 : -1;
  return { obs: [0, 0], reward: reward, done: done };
};

function RecurrentPolicy(obs_size, hidden_size, n_actions) {
  this.hidden_size = hidden_size;
  this.W_in = tf.variable(tf.randomNormal([obs_size, hidden_size], 0, 0.5));
  this.W_rec = tf.variable(tf.randomNormal([hidden_size, hidden_size], 0, 0.5));
  this.b = tf.variable(tf.zeros([hidden_size]));
  this.W_pi = tf.variable(tf.randomNormal([hidden_size, n_actions], 0, 0.5));
  // self.hidden = torch.zeros(1, hidden_size)
  this.hidden = tf.zeros([1, hidden_size]);
}

RecurrentPolicy.prototype.act = function (obs, greedy) {
  var self = this;
  var prev = this.hidden;
  var out = tf.tidy(function () {
    var x = tf.tensor2d([obs]);
    var h = tf.tanh(tf.matMul(x, self.W_in).add(tf.matMul(prev, self.W_rec)).add(self.b));
    var logits = tf.matMul(h, self.W_pi);
    var action = greedy ? logits.argMax(1) : tf.multinomial(logits, 1).reshape([1]);
    return { h: h, action: action };
  });
  prev.dispose();
  this.hidden = out.h;
  var a = out.action.dataSync()[0];
  out.action.dispose();
  return a;
};

RecurrentPolicy.prototype.hiddenSnapshot = function () {
  return Array.prototype.slice.call(this.hidden.dataSync());
};

function runEpisode(env, policy, greedy) {
  var obs = env.reset();
  var total = 0;
  var done = false;
  var steps = 0;
  while (!done) {
    var action = policy.act(obs, greedy);
    var res = env.step(action);
    total += res.reward;
    obs = res.obs;
    done = res.done;
    steps++;
  }
  return { ret: total, steps: steps };
}

function evaluate(n_episodes) {
  var env = new CorridorEnv(6);
  var policy = new RecurrentPolicy(2, 8, 2);
  var returns = [];
  for (var ep = 0; ep < n_episodes; ep++) {
    var r = runEpisode(env, policy, true);
    returns.push(r.ret);
  }
  var mean = returns.reduce(function (a, b) { return a + b; }, 0) / returns.length;
  console.log('episodes', n_episodes, 'mean return', mean.toFixed(3), 'tensors', tf.memory().numTensors);
  return { policy: policy, mean: mean };
}

module.exports = { CorridorEnv: CorridorEnv, RecurrentPolicy: RecurrentPolicy, runEpisode: runEpisode, evaluate: evaluate };

if (require.main === module) evaluate(20);
