// expect: tidy-disposed-state
// UMD bundle exposing a keystroke-rhythm tracker that keeps a recurrent state per typing session.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('@tensorflow/tfjs'));
  } else {
    root.TypingRhythm = factory(root.tf);
  }
})(typeof globalThis !== 'undefined' ? globalThis : window, function (tf) {
  'use strict';

  var DEFAULTS = { inputSize: 4, hiddenSize: 16, warmup: 8 };

  function makeParams(opts, weights) {
    var w = weights || {};
    function load(name, shape) {
      return w[name] ? tf.tensor(w[name], shape) : tf.randomNormal(shape, 0, 0.1);
    }
    return {
      wx: load('wx', [opts.inputSize, opts.hiddenSize]),
      wh: load('wh', [opts.hiddenSize, opts.hiddenSize]),
      b: load('b', [opts.hiddenSize]),
      wo: load('wo', [opts.hiddenSize, 1]),
      bo: load('bo', [1])
    };
  }

  function step(p, x, h) {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b));
  }

  function Tracker(options, weights) {
    this.opts = Object.assign({}, DEFAULTS, options || {});
    this.params = makeParams(this.opts, weights);
    this.count = 0;
    this.h = tf.zeros([1, this.opts.hiddenSize]);
  }

  Tracker.prototype.reset = function () {
    this.h.dispose();
    this.h = tf.zeros([1, this.opts.hiddenSize]);
    this.count = 0;
  };

  /**
   * @param {number[]} features dwell, flight, pressure, hand switch
   * @returns {number|null} anomaly score once warmed up
   */
  Tracker.prototype.push = function (features) {
    var self = this;
    var score = tf.tidy(function () {
      var x = tf.tensor2d([features], [1, self.opts.inputSize]);
      var hNew = step(self.params, x, self.h);
      self.h = hNew;
      var logit = tf.add(tf.matMul(hNew, self.params.wo), self.params.bo);
      return tf.sigmoid(logit).dataSync()[0];
    });
    self.count += 1;
    return self.count >= self.opts.warmup ? score : null;
  };

  Tracker.prototype.snapshot = function () {
    return Array.from(this.h.dataSync());
  };

  function attach(el, tracker, onScore) {
    var lastDown = 0;
    var lastUp = 0;
    el.addEventListener('keydown', function (e) {
      lastDown = e.timeStamp;
    });
    el.addEventListener('keyup', function (e) {
      var dwell = e.timeStamp - lastDown;
      var flight = lastUp ? lastDown - lastUp : 0;
      lastUp = e.timeStamp;
      var s = tracker.push([dwell / 1000, flight / 1000, e.shiftKey ? 1 : 0, e.location / 3]);
      if (s !== null && onScore) onScore(s);
    });
  }

  return { Tracker: Tracker, attach: attach, DEFAULTS: DEFAULTS };
});
