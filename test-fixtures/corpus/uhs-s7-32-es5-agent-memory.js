// expect: unused-hidden-state
// Game bot for a browser snake clone: a small recurrent policy picks a turn every tick (ES5, no build step).
const tf = require('@tensorflow/tfjs');

var ACTIONS = ['left', 'straight', 'right'];

function RecurrentPolicy(spec) {
  this.inputSize = spec.inputSize;
  this.memorySize = spec.memorySize;
  this.Wx = tf.tensor2d(spec.Wx);
  this.Wm = tf.tensor2d(spec.Wm);
  this.b = tf.tensor1d(spec.b);
  this.Wout = tf.tensor2d(spec.Wout);
  this.bout = tf.tensor1d(spec.bout);
  this.memory = null;
  this.reset();
}

RecurrentPolicy.prototype.reset = function () {
  if (this.memory) this.memory.dispose();
  this.memory = tf.zeros([1, this.memorySize]);
};

RecurrentPolicy.prototype.act = function (observation, explore) {
  var self = this;
  var result = tf.tidy(function () {
    var x = tf.tensor2d([observation], [1, self.inputSize]);
    var mem = self.memory;
    var hidden = tf.tanh(tf.add(tf.matMul(x, self.Wx), self.b));
    var logits = tf.add(tf.matMul(hidden, self.Wout), self.bout);
    var action = explore
      ? tf.multinomial(logits, 1).dataSync()[0]
      : logits.argMax(-1).dataSync()[0];
    return { action: action, memory: hidden };
  });
  self.memory.dispose();
  self.memory = result.memory;
  return result.action;
};

// 8 rays (wall / body / food distance) + current heading one-hot
function observe(game) {
  var obs = [];
  var dirs = [[0, -1], [1, -1], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1]];
  var head = game.snake[0];
  for (var d = 0; d < dirs.length; d++) {
    var x = head.x, y = head.y, dist = 0, food = 0, body = 0;
    while (true) {
      x += dirs[d][0]; y += dirs[d][1]; dist++;
      if (x < 0 || y < 0 || x >= game.cols || y >= game.rows) break;
      if (!food && game.food.x === x && game.food.y === y) food = 1 / dist;
      if (!body && game.isBody(x, y)) body = 1 / dist;
    }
    obs.push(1 / dist, body, food);
  }
  var heading = [0, 0, 0, 0];
  heading[game.heading] = 1;
  return obs.concat(heading);
}

function SnakeBot(game, policy) {
  this.game = game;
  this.policy = policy;
  this.interval = null;
}

SnakeBot.prototype.start = function (speedMs) {
  var self = this;
  self.policy.reset();
  self.interval = setInterval(function () {
    var a = self.policy.act(observe(self.game), false);
    self.game.turn(ACTIONS[a]);
    self.game.tick();
    if (self.game.over) {
      document.getElementById('score').textContent = 'score: ' + self.game.score;
      self.game.restart();
      self.policy.reset();
    }
  }, speedMs || 80);
};

SnakeBot.prototype.stop = function () {
  clearInterval(this.interval);
  this.interval = null;
};

function loadPolicy(url, cb) {
  fetch(url)
    .then(function (r) { return r.json(); })
    .then(function (spec) { cb(null, new RecurrentPolicy(spec)); })
    .catch(cb);
}

module.exports = { RecurrentPolicy: RecurrentPolicy, SnakeBot: SnakeBot, loadPolicy: loadPolicy, observe: observe };
