// ES5 recurrent policy with a reset method; a helper plays one game, the caller plays many.
var tf = require('@tensorflow/tfjs');

function Policy(units) {
  this.units = units;
  this.W = tf.randomNormal([2, units]);
  this.U = tf.randomNormal([units, units]);
  this.hidden = tf.zeros([1, units]);
}

Policy.prototype.reset = function () {
  this.hidden = tf.zeros([1, this.units]);
};

Policy.prototype.act = function (obs) {
  var self = this;
  var prev = this.hidden;
  var out = tf.tidy(function () {
    var h = tf.tanh(tf.matMul(tf.tensor2d([obs]), self.W).add(tf.matMul(prev, self.U)));
    return { h: h, action: h.argMax(1) };
  });
  this.hidden = out.h;
  return out.action.dataSync()[0];
};

function playGame(policy, game) {
  var moves = [];
  for (var t = 0; t < game.length; t++) moves.push(policy.act(game[t]));
  return moves;
}

function playAll(games) {
  var policy = new Policy(4);
  var results = [];
  games.forEach(function (game) {
    results.push(playGame(policy, game));
    //           ~~~~~~~~~~~~~~~~~~~~~~ state-leak
  });
  return results;
}

module.exports = { Policy: Policy, playAll: playAll };
