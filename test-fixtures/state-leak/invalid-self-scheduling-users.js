// A self-scheduling callback that takes the next user (or session) per run is a loop over them:
// one tracker, advanced through each one's events, carries its state from one to the next.
'use strict';

var tf = require('@tensorflow/tfjs');

function SessionTracker(wx, wh) {
  this.wx = wx;
  this.wh = wh;
  this.hidden = tf.zeros([1, wh.shape[0]]);
}

SessionTracker.prototype.observe = function (x) {
  var self = this;
  var prev = self.hidden;
  self.hidden = tf.tidy(function () {
    return tf.tanh(tf.add(tf.matMul(x, self.wx), tf.matMul(prev, self.wh)));
  });
  prev.dispose();
};

SessionTracker.prototype.score = function () {
  return this.hidden.sum().dataSync()[0];
};

function scoreUsers(wx, wh, users, done) {
  var tracker = new SessionTracker(wx, wh);
  var scores = [];
  var k = 0;
  function nextUser() {
    if (k >= users.length) return done(scores);
    var user = users[k];
    k += 1;
    user.events.forEach(function (ev) { tracker.observe(ev); });
//                                      ~~~~~~~~~~~~~~~~~~~ state-leak
    scores.push(tracker.score());
    setTimeout(nextUser, 0);
  }
  nextUser();
}

function drainSessions(wx, wh, pending, done) {
  var tracker = new SessionTracker(wx, wh);
  var results = [];
  var pump = function () {
    var session = pending.shift();
    if (!session) return done(results);
    for (var t = 0; t < session.steps.length; t++) tracker.observe(session.steps[t]);
//                                                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    results.push(tracker.score());
    setImmediate(pump);
  };
  pump();
}

module.exports = { scoreUsers: scoreUsers, drainSessions: drainSessions };
