// expect: none
// Small npm-style UMD package: LSTM sentence encoder with option defaults and a cached last state for debugging.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('@tensorflow/tfjs'));
  } else {
    root.tinyEncoder = factory(root.tf);
  }
})(typeof globalThis !== 'undefined' ? globalThis : this, function (tf) {
  'use strict';

  var DEFAULTS = { units: 32, embedDim: 24, vocabSize: 3000, pooling: 'last', keepLastState: false };

  function Encoder(options) {
    var o = Object.assign({}, DEFAULTS, options || {});
    var self = this;
    self.opts = o;
    self.embedding = tf.randomNormal([o.vocabSize, o.embedDim], 0, 0.1);
    self.kernel = tf.randomNormal([o.embedDim, 4 * o.units], 0, 0.1);
    self.recurrent = tf.randomNormal([o.units, 4 * o.units], 0, 0.1);
    self.bias = tf.zeros([4 * o.units]);
    self.lastState = null;
  }

  Encoder.prototype.cell = function (x, state) {
    var self = this;
    var z = tf.add(tf.add(tf.matMul(x, self.kernel), tf.matMul(state.h, self.recurrent)), self.bias);
    var parts = tf.split(z, 4, 1);
    var c = tf.add(tf.mul(tf.sigmoid(parts[1]), state.c), tf.mul(tf.sigmoid(parts[0]), tf.tanh(parts[2])));
    var h = tf.mul(tf.sigmoid(parts[3]), tf.tanh(c));
    return { h: h, c: c };
  };

  /**
   * @param {number[]} ids token ids of one sentence
   * @returns {number[]}
   */
  Encoder.prototype.encode = function (ids) {
    var self = this;
    var units = self.opts.units;
    return tf.tidy(function () {
      var state = { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
      var pooled = tf.fill([1, units], -Infinity);
      var rows = tf.unstack(tf.gather(self.embedding, ids));
      rows.forEach(function (row) {
        state = self.cell(row.expandDims(0), state);
        pooled = tf.maximum(pooled, state.h);
      });
      if (self.opts.keepLastState) {
        if (self.lastState) {
          self.lastState.h.dispose();
          self.lastState.c.dispose();
        }
        self.lastState = { h: tf.keep(state.h), c: tf.keep(state.c) };
      }
      var out = self.opts.pooling === 'max' ? pooled : state.h;
      return Array.from(out.dataSync());
    });
  };

  Encoder.prototype.encodeAll = function (sentences, done) {
    var self = this;
    var out = [];
    try {
      for (var i = 0; i < sentences.length; i++) {
        out.push(sentences[i].length ? self.encode(sentences[i]) : null);
      }
    } catch (err) {
      return done(err);
    }
    done(null, out);
  };

  Encoder.prototype.debugState = function () {
    if (!this.lastState) return null;
    return { h: this.lastState.h.arraySync(), c: this.lastState.c.arraySync() };
  };

  Encoder.prototype.dispose = function () {
    [this.embedding, this.kernel, this.recurrent, this.bias].forEach(function (t) { t.dispose(); });
    if (this.lastState) {
      this.lastState.h.dispose();
      this.lastState.c.dispose();
    }
  };

  return { Encoder: Encoder, DEFAULTS: DEFAULTS };
});
