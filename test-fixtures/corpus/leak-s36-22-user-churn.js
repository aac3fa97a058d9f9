// expect: state-leak
// CommonJS batch job: churn-risk score per user from their ordered event history, callback-style API.
'use strict';

var tf = require('@tensorflow/tfjs');

var EVENT_TYPES = ['login', 'view', 'purchase', 'support', 'downgrade', 'logout'];

/**
 * @constructor
 * @param {{ wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D, wo: tf.Tensor2D, bo: tf.Tensor1D }} params
 */
function ChurnTracker(params) {
  this.params = params;
  this.units = params.wh.shape[0];
  this.h = tf.zeros([1, this.units]);
}

/**
 * @param {{ type: string, gapHours: number }} ev
 */
ChurnTracker.prototype.observe = function (ev) {
  var self = this;
  var p = self.params;
  var prev = self.h;
  self.h = tf.tidy(function () {
    var typeIdx = Math.max(EVENT_TYPES.indexOf(ev.type), 0);
    var onehot = tf.oneHot([typeIdx], EVENT_TYPES.length).toFloat();
    var gap = tf.tensor2d([[Math.log1p(ev.gapHours || 0)]]);
    var x = tf.concat([onehot, gap], 1);
    return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(prev, p.wh)), p.b));
  });
  prev.dispose();
};

/** @returns {number} */
ChurnTracker.prototype.risk = function () {
  var self = this;
  return tf.tidy(function () {
    var logit = tf.add(tf.matMul(self.h, self.params.wo), self.params.bo);
    return tf.sigmoid(logit).dataSync()[0];
  });
};

ChurnTracker.prototype.dispose = function () {
  this.h.dispose();
};

/**
 * @param {object} params  loaded weights
 * @param {{ userId: string, events: { type: string, gapHours: number }[] }[]} users
 * @param {(err: Error|null, scores?: Object<string, number>) => void} done
 */
function scoreUsers(params, users, done) {
  var tracker = new ChurnTracker(params);
  var scores = {};
  var i = 0;

  function nextUser() {
    if (i >= users.length) {
      tracker.dispose();
      return done(null, scores);
    }
    var user = users[i++];
    try {
      user.events.forEach(function (ev) { tracker.observe(ev); });
      scores[user.userId] = tracker.risk();
    } catch (err) {
      tracker.dispose();
      return done(err);
    }
    setImmediate(nextUser);
  }

  nextUser();
}

function loadParams(json) {
  return {
    wx: tf.tensor2d(json.wx),
    wh: tf.tensor2d(json.wh),
    b: tf.tensor1d(json.b),
    wo: tf.tensor2d(json.wo),
    bo: tf.tensor1d(json.bo)
  };
}

module.exports = { ChurnTracker: ChurnTracker, scoreUsers: scoreUsers, loadParams: loadParams };
