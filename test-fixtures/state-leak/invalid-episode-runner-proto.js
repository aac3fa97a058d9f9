// ES5: an episode runner holding a recurrent policy, evaluated over several episodes.
var tf = require('@tensorflow/tfjs');

function RecurrentPolicy(units) {
  this.Wx = tf.randomNormal([3, units]);
  this.Wh = tf.randomNormal([units, units]);
  this.Wo = tf.randomNormal([units, 2]);
  this.h = tf.zeros([1, units]);
}
RecurrentPolicy.prototype.act = function (obs) {
  var self = this;
  var out = tf.tidy(function () {
    var h = tf.tanh(tf.tensor2d([obs]).matMul(self.Wx).add(self.h.matMul(self.Wh)));
    return { h: h, action: tf.argMax(h.matMul(self.Wo), 1) };
  });
  self.h.dispose();
  self.h = out.h;
  return out.action.dataSync()[0];
};

function EpisodeRunner(env, policy) {
  this.env = env;
  this.policy = policy;
  this.steps = 0;
}
EpisodeRunner.prototype.reset = function () {
  this.steps = 0;
  return this.env.reset();
};
EpisodeRunner.prototype.runEpisode = function (maxSteps) {
  var obs = this.reset();
  for (var t = 0; t < maxSteps; t++) {
    var res = this.env.step(this.policy.act(obs));
    this.steps += 1;
    obs = res.obs;
    if (res.done) break;
  }
  return this.steps;
};

function evaluate(env, nEpisodes) {
  var runner = new EpisodeRunner(env, new RecurrentPolicy(12));
  var lengths = [];
  for (var i = 0; i < nEpisodes; i++) {
    lengths.push(runner.runEpisode(30));
    //           ~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  return lengths;
}

module.exports = { evaluate: evaluate };
