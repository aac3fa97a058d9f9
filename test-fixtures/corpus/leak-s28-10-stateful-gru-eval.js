// expect: state-leak
// Evaluates a frame-by-frame stateful GRU policy on the lights-out corridor game over many episodes.
var tf = require('@tensorflow/tfjs');

var OBS_SIZE = 4;
var N_ACTIONS = 3;

function buildPolicy(units) {
  var model = tf.sequential();
  model.add(tf.layers.gru({
    units: units,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, 1, OBS_SIZE]
  }));
  model.add(tf.layers.dense({ units: N_ACTIONS, activation: 'softmax' }));
  return model;
}

function Corridor(length) {
  this.length = length;
}

Corridor.prototype.reset = function () {
  this.pos = 0;
  this.t = 0;
  this.goalLeft = Math.random() < 0.5;
  return [1, this.goalLeft ? 1 : 0, this.goalLeft ? 0 : 1, 0];
};

Corridor.prototype.step = function (action) {
  this.t += 1;
  if (action === 2) this.pos += 1;
  var atEnd = this.pos >= this.length;
  var done = this.t >= 3 * this.length || (atEnd && action !== 2);
  var reward = 0;
  if (atEnd && action === 0) reward = this.goalLeft ? 1 : -1;
  if (atEnd && action === 1) reward = this.goalLeft ? -1 : 1;
  return { obs: [0, 0, 0, atEnd ? 1 : 0], reward: reward, done: done };
};

function pickAction(probs) {
  var best = 0;
  for (var i = 1; i < probs.length; i++) {
    if (probs[i] > probs[best]) best = i;
  }
  return best;
}

function evaluate(model, env, episodes) {
  var results = [];
  var firstProbs = [];
  for (var ep = 0; ep < episodes; ep++) {
    var obs = env.reset();
    var done = false;
    var total = 0;
    var steps = 0;
    while (!done) {
      var probs = tf.tidy(function () {
        return model.predict(tf.tensor3d([[obs]])).dataSync();
      });
      if (steps === 0) firstProbs.push(Array.prototype.slice.call(probs));
      var res = env.step(pickAction(probs));
      total += res.reward;
      obs = res.obs;
      done = res.done;
      steps += 1;
    }
    results.push({ episode: ep, reward: total, steps: steps });
  }
  return { results: results, firstProbs: firstProbs };
}

module.exports = { buildPolicy: buildPolicy, Corridor: Corridor, evaluate: evaluate };

if (require.main === module) {
  var model = buildPolicy(12);
  var report = evaluate(model, new Corridor(4), 5);
  report.results.forEach(function (r) {
    console.log('episode ' + r.episode + ': reward ' + r.reward + ' in ' + r.steps + ' steps');
  });
}
