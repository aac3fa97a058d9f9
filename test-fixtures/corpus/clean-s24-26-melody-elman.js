// expect: none
// Scores how "predictable" each melody is (per-note perplexity) with a small Elman network over MIDI pitch classes.
var tf = require('@tensorflow/tfjs');

var PITCHES = 12;

function ElmanNet(hiddenSize, seed) {
  this.hiddenSize = hiddenSize || 16;
  seed = seed || 5;
  this.Wxh = tf.randomNormal([PITCHES, this.hiddenSize], 0, 0.3, 'float32', seed);
  this.Whh = tf.randomNormal([this.hiddenSize, this.hiddenSize], 0, 0.3, 'float32', seed + 1);
  this.bh = tf.zeros([this.hiddenSize]);
  this.Why = tf.randomNormal([this.hiddenSize, PITCHES], 0, 0.3, 'float32', seed + 2);
  this.by = tf.zeros([PITCHES]);
}

ElmanNet.prototype.zeroState = function () {
  return tf.zeros([1, this.hiddenSize]);
};

ElmanNet.prototype.step = function (note, h) {
  var x = tf.oneHot([note % PITCHES], PITCHES).toFloat();
  var hNext = tf.tanh(x.matMul(this.Wxh).add(h.matMul(this.Whh)).add(this.bh));
  var probs = tf.softmax(hNext.matMul(this.Why).add(this.by));
  return { probs: probs, h: hNext };
};

ElmanNet.prototype.perplexity = function (melody) {
  var self = this;
  return tf.tidy(function () {
    var h = self.zeroState();
    var nll = 0;
    for (var t = 0; t < melody.length - 1; t++) {
      var out = self.step(melody[t], h);
      h = out.h;
      var p = out.probs.dataSync()[melody[t + 1] % PITCHES];
      nll -= Math.log(p + 1e-9);
    }
    return Math.exp(nll / Math.max(1, melody.length - 1));
  });
};

ElmanNet.prototype.scoreAll = function (melodies) {
  var self = this;
  return Object.keys(melodies).map(function (name) {
    // each melody is scored from a fresh state
    return { name: name, perplexity: self.perplexity(melodies[name]) };
  });
};

ElmanNet.prototype.dispose = function () {
  tf.dispose([this.Wxh, this.Whh, this.bh, this.Why, this.by]);
};

module.exports = ElmanNet;

if (require.main === module) {
  var melodies = {
    scale: [60, 62, 64, 65, 67, 69, 71, 72],
    twinkle: [60, 60, 67, 67, 69, 69, 67, 65, 65, 64, 64, 62, 62, 60],
    random: [61, 70, 63, 58, 66, 72, 59, 64, 68, 62]
  };
  var net = new ElmanNet(16);
  var first = net.scoreAll(melodies);
  var reversedOrder = {};
  Object.keys(melodies).reverse().forEach(function (k) { reversedOrder[k] = melodies[k]; });
  var second = net.scoreAll(reversedOrder);
  first.forEach(function (r) {
    var again = second.filter(function (s) { return s.name === r.name; })[0];
    console.log(r.name, r.perplexity.toFixed(3), again.perplexity.toFixed(3));
  });
  net.dispose();
  console.log('tensors:', tf.memory().numTensors);
}
