// expect: stale-state
// Old-school recurrent agent for the "flashing lights" maze; plays full episodes and keeps a score log.
var tf = require('@tensorflow/tfjs');

function RecurrentAgent(obsSize, hiddenSize, numActions) {
  this.hiddenSize = hiddenSize;
  this.numActions = numActions;
  this.Wxh = tf.variable(tf.randomNormal([obsSize, hiddenSize], 0, 0.4));
  this.Whh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.4));
  this.bh = tf.variable(tf.zeros([hiddenSize]));
  this.Why = tf.variable(tf.randomNormal([hiddenSize, numActions], 0, 0.4));
  this.hidden = null;
  this.scores = [];
}

RecurrentAgent.prototype.step = function (obs, h) {
  var self = this;
  return tf.tidy(function () {
    var x = tf.tensor2d([obs]);
    var hNext = tf.tanh(x.matMul(self.Wxh).add(h.matMul(self.Whh)).add(self.bh));
    var logits = hNext.matMul(self.Why);
    return { h: hNext, logits: logits };
  });
};

RecurrentAgent.prototype.greedy = function (logits) {
  var values = logits.dataSync();
  var best = 0;
  for (var i = 1; i < values.length; i++) {
    if (values[i] > values[best]) best = i;
  }
  return best;
};

RecurrentAgent.prototype.runEpisode = function (env) {
  var obs = env.reset();
  this.hidden = tf.zeros([1, this.hiddenSize]);
  var h = this.hidden;
  var done = false;
  var total = 0;
  var trace = [];
  while (!done) {
    var out = this.step(obs, h);
    this.hidden = out.h;
    var action = this.greedy(out.logits);
    out.logits.dispose();
    trace.push(action);
    var res = env.step(action);
    total += res.reward;
    obs = res.obs;
    done = res.done;
  }
  this.scores.push(total);
  return { total: total, trace: trace };
};

// Lights flash in a pattern at the start; the agent must walk to the lit door afterwards.
function FlashMaze(doors, flashFrames) {
  this.doors = doors;
  this.flashFrames = flashFrames;
}

FlashMaze.prototype.reset = function () {
  this.t = 0;
  this.lit = Math.floor(Math.random() * this.doors);
  return this.observe();
};

FlashMaze.prototype.observe = function () {
  var obs = [];
  for (var d = 0; d < this.doors; d++) obs.push(this.t < this.flashFrames && d === this.lit ? 1 : 0);
  obs.push(this.t >= this.flashFrames ? 1 : 0);
  return obs;
};

FlashMaze.prototype.step = function (action) {
  this.t += 1;
  if (this.t <= this.flashFrames + 2) return { obs: this.observe(), reward: 0, done: false };
  return { obs: this.observe(), reward: action === this.lit ? 1 : 0, done: true };
};

module.exports = { RecurrentAgent: RecurrentAgent, FlashMaze: FlashMaze };

if (require.main === module) {
  var agent = new RecurrentAgent(4, 16, 3);
  var maze = new FlashMaze(3, 2);
  for (var ep = 0; ep < 20; ep++) agent.runEpisode(maze);
  var wins = agent.scores.reduce(function (a, b) { return a + b; }, 0);
  console.log('won ' + wins + ' of ' + agent.scores.length);
}
