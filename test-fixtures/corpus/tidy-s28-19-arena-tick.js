// expect: tidy-disposed-state
// Arena server loop: each connected bot gets its own recurrent memory, and tick() picks every bot's move.
var tf = require('@tensorflow/tfjs');

var OBS = 5;
var HID = 12;
var MOVES = 4;

var params = {
  Wx: tf.variable(tf.randomNormal([OBS, HID], 0, 0.4)),
  Wh: tf.variable(tf.randomNormal([HID, HID], 0, 0.4)),
  b: tf.variable(tf.zeros([HID])),
  Wm: tf.variable(tf.randomNormal([HID, MOVES], 0, 0.4))
};

var memories = new Map();
var bots = [];

function addBot(id) {
  bots.push({ id: id, x: Math.floor(Math.random() * 8), y: Math.floor(Math.random() * 8), hp: 3 });
}

function removeBot(id) {
  bots = bots.filter(function (b) { return b.id !== id; });
  var mem = memories.get(id);
  if (mem) mem.dispose();
  memories.delete(id);
}

function observe(bot) {
  var nearest = bots.filter(function (o) { return o.id !== bot.id; })[0];
  var dx = nearest ? (nearest.x - bot.x) / 8 : 0;
  var dy = nearest ? (nearest.y - bot.y) / 8 : 0;
  return [bot.x / 8, bot.y / 8, dx, dy, bot.hp / 3];
}

function recur(x, h) {
  return tf.tanh(tf.matMul(x, params.Wx).add(tf.matMul(h, params.Wh)).add(params.b));
}

function tick() {
  var moves = tf.tidy(function () {
    var chosen = {};
    bots.forEach(function (bot) {
      var h = memories.get(bot.id) || tf.zeros([1, HID]);
      var hNext = recur(tf.tensor2d([observe(bot)]), h);
      memories.set(bot.id, hNext);
      chosen[bot.id] = tf.argMax(tf.matMul(hNext, params.Wm), 1).dataSync()[0];
    });
    return chosen;
  });

  bots.forEach(function (bot) {
    var m = moves[bot.id];
    if (m === 0) bot.x = Math.min(7, bot.x + 1);
    if (m === 1) bot.x = Math.max(0, bot.x - 1);
    if (m === 2) bot.y = Math.min(7, bot.y + 1);
    if (m === 3) bot.y = Math.max(0, bot.y - 1);
  });
  bots.forEach(function (bot) {
    bots.forEach(function (other) {
      if (other !== bot && other.x === bot.x && other.y === bot.y) bot.hp -= 1;
    });
  });
  bots.filter(function (b) { return b.hp <= 0; }).forEach(function (b) { removeBot(b.id); });
  return moves;
}

function startArena(ticks, onDone) {
  var count = 0;
  function loop() {
    tick();
    count += 1;
    if (count < ticks && bots.length > 1) setTimeout(loop, 10);
    else onDone({ ticks: count, survivors: bots.map(function (b) { return b.id; }) });
  }
  loop();
}

module.exports = { addBot: addBot, removeBot: removeBot, tick: tick, startArena: startArena, memories: memories };

if (require.main === module) {
  ['alpha', 'bravo', 'charlie'].forEach(addBot);
  startArena(50, function (summary) {
    console.log('arena finished after ' + summary.ticks + ' ticks, survivors: ' + summary.survivors.join(', '));
  });
}
