// ES5: a recurrent policy agent played over several episodes; its reset starts the state afresh.
var tf = require('@tensorflow/tfjs');

function Agent(policy, units) {
  this.policy = policy;
  this.h = tf.zeros([1, units]);
  this.steps = 0;
}
// Starts the episode afresh.
Agent.prototype.reset = function () {
  this.steps = 0;
  var units = this.h.shape[1];
  this.h.dispose();
  this.h = tf.zeros([1, units]);
};
Agent.prototype.act = function (obs) {
  var res = this.policy.predict([tf.tensor3d([[obs]]), this.h]);
  this.h.dispose();
  this.h = res[1];
  this.steps += 1;
  return tf.argMax(res[0], 1).dataSync()[0];
};

function Corridor(length) {
  this.length = length;
  this.pos = 0;
}
Corridor.prototype.reset = function () {
  this.pos = 0;
  return [0, 0, 0];
};
Corridor.prototype.step = function (a) {
  this.pos += a === 1 ? 1 : -1;
  return { obs: [this.pos / this.length, 0, 0], done: this.pos >= this.length - 1 };
};

function runEpisodes(policy, n) {
  var env = new Corridor(6);
  var agent = new Agent(policy, 8);
  for (var ep = 0; ep < n; ep++) {
    var obs = env.reset();
    agent.reset();
    var done = false;
    while (!done) {
      var out = env.step(agent.act(obs));
      obs = out.obs;
      done = out.done;
    }
  }
  return agent.steps;
}

module.exports = { runEpisodes: runEpisodes };
