// expect: none
// Replays recorded thermostat episodes through a recurrent controller and logs the chosen heater setting per step.
var tf = require('@tensorflow/tfjs');

var SETTINGS = ['off', 'low', 'high'];

function RecurrentController(units, seed) {
  this.units = units;
  this.wIn = tf.randomNormal([2, units], 0, 0.6, 'float32', seed);
  this.wRec = tf.randomNormal([units, units], 0, 0.6, 'float32', seed + 1);
  this.bRec = tf.zeros([units]);
  this.wPolicy = tf.randomNormal([units, SETTINGS.length], 0, 0.9, 'float32', seed + 2);
  this.h = null;
}

RecurrentController.prototype.resetState = function () {
  if (this.h) this.h.dispose();
  this.h = tf.zeros([1, this.units]);
};

RecurrentController.prototype.act = function (indoor, outdoor) {
  var self = this;
  var out = tf.tidy(function () {
    var x = tf.tensor2d([[(indoor - 20) / 5, (outdoor - 10) / 10]]);
    var hNext = tf.tanh(x.matMul(self.wIn).add(self.h.matMul(self.wRec)).add(self.bRec));
    var probs = tf.softmax(hNext.matMul(self.wPolicy));
    return { h: hNext, probs: probs };
  });
  this.h.dispose();
  this.h = out.h;
  var p = out.probs.dataSync();
  out.probs.dispose();
  var best = 0;
  for (var i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { setting: SETTINGS[best], confidence: p[best] };
};

RecurrentController.prototype.dispose = function () {
  tf.dispose([this.wIn, this.wRec, this.bRec, this.wPolicy]);
  if (this.h) this.h.dispose();
  this.h = null;
};

function runEpisode(controller, episode) {
  controller.resetState();
  var log = [];
  var indoor = episode.start;
  for (var t = 0; t < episode.outdoor.length; t++) {
    var decision = controller.act(indoor, episode.outdoor[t]);
    var heat = decision.setting === 'high' ? 0.8 : decision.setting === 'low' ? 0.3 : 0;
    indoor = indoor + heat - 0.05 * (indoor - episode.outdoor[t]);
    log.push(decision.setting[0].toUpperCase());
  }
  return { name: episode.name, trace: log.join(''), finalTemp: indoor };
}

function main() {
  var controller = new RecurrentController(8, 1101);
  var episodes = [
    { name: 'cold-night', start: 17, outdoor: [2, 1, 0, -1, -1, 0, 1, 2] },
    { name: 'mild-day', start: 21, outdoor: [12, 14, 15, 15, 14, 12, 10, 9] },
    { name: 'cold-night-replay', start: 17, outdoor: [2, 1, 0, -1, -1, 0, 1, 2] },
  ];
  episodes.forEach(function (ep) {
    var r = runEpisode(controller, ep);
    console.log(r.name + ': ' + r.trace + '  final=' + r.finalTemp.toFixed(2) + 'C');
  });
  controller.dispose();
  console.log('tensors alive: ' + tf.memory().numTensors);
}

if (require.main === module) main();

module.exports = { RecurrentController: RecurrentController, runEpisode: runEpisode };
