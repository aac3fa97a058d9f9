// expect: none
// ES5 wrapper around a stateful tf.layers SimpleRNN that scores sensor streams one frame at a time.
var tf = require('@tensorflow/tfjs');

/**
 * @constructor
 * @param {{features: number, units?: number, seed?: number}} opts
 */
function StreamScorer(opts) {
  var units = opts.units || 8;
  var seed = opts.seed || 4;
  this.features = opts.features;
  this.model = tf.sequential();
  this.model.add(tf.layers.simpleRNN({
    units: units,
    stateful: true,
    batchInputShape: [1, 1, opts.features],
    kernelInitializer: tf.initializers.glorotNormal({ seed: seed }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 1 })
  }));
  this.model.add(tf.layers.dense({
    units: 1,
    activation: 'sigmoid',
    kernelInitializer: tf.initializers.glorotNormal({ seed: seed + 2 })
  }));
}

/**
 * Scores one frame, continuing from whatever the layer remembers.
 * @param {number[]} frame
 * @returns {number}
 */
StreamScorer.prototype.scoreFrame = function (frame) {
  var self = this;
  var y = tf.tidy(function () {
    return self.model.predict(tf.tensor3d([[frame]]));
  });
  var value = y.dataSync()[0];
  y.dispose();
  return value;
};

/**
 * Scores a whole sequence. Each sequence is independent, so the layer memory is cleared first.
 * @param {number[][]} frames
 * @returns {number[]}
 */
StreamScorer.prototype.scoreSequence = function (frames) {
  this.model.resetStates();
  var scores = [];
  for (var i = 0; i < frames.length; i++) {
    scores.push(this.scoreFrame(frames[i]));
  }
  return scores;
};

/**
 * @param {number[][][]} sequences
 * @returns {number[][]}
 */
StreamScorer.prototype.scoreAll = function (sequences) {
  return sequences.map(this.scoreSequence, this);
};

StreamScorer.prototype.dispose = function () {
  this.model.dispose();
};

module.exports = StreamScorer;
