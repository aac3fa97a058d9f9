// Self-scheduling loops that look like a loop over users but are correct: a tick that reads the next
// frame of ONE stream, a loop over users that resets the tracker per user, and one that makes a
// tracker per user.
'use strict';

var tf = require('@tensorflow/tfjs');

function StreamTracker(wx, wh) {
  this.wx = wx;
  this.wh = wh;
  this.hidden = tf.zeros([1, wh.shape[0]]);
}

StreamTracker.prototype.observe = function (x) {
  var self = this;
  var prev = self.hidden;
  self.hidden = tf.tidy(function () {
    return tf.tanh(tf.add(tf.matMul(x, self.wx), tf.matMul(prev, self.wh)));
  });
  prev.dispose();
};

StreamTracker.prototype.reset = function () {
  this.hidden.dispose();
  this.hidden = tf.zeros([1, this.wh.shape[0]]);
};

StreamTracker.prototype.score = function () {
  return this.hidden.sum().dataSync()[0];
};

// One camera stream, one frame per tick: the state follows the stream on purpose.
function followCamera(wx, wh, frames, show) {
  var tracker = new StreamTracker(wx, wh);
  var i = 0;
  var timer = setInterval(function () {
    if (i >= frames.length) return clearInterval(timer);
    var frame = frames[i++];
    frame.patches.forEach(function (p) { tracker.observe(p); });
    show(tracker.score());
  }, 33);
}

function scoreUsersWithReset(wx, wh, users, done) {
  var tracker = new StreamTracker(wx, wh);
  var scores = [];
  var i = 0;
  function nextUser() {
    if (i >= users.length) return done(scores);
    var user = users[i++];
    tracker.reset();
    user.events.forEach(function (ev) { tracker.observe(ev); });
    scores.push(tracker.score());
    setImmediate(nextUser);
  }
  nextUser();
}

function scoreUsersFresh(wx, wh, users, done) {
  var scores = [];
  var i = 0;
  function nextUser() {
    if (i >= users.length) return done(scores);
    var user = users[i++];
    var tracker = new StreamTracker(wx, wh);
    user.events.forEach(function (ev) { tracker.observe(ev); });
    scores.push(tracker.score());
    setImmediate(nextUser);
  }
  nextUser();
}

module.exports = { followCamera: followCamera, scoreUsersWithReset: scoreUsersWithReset, scoreUsersFresh: scoreUsersFresh };
