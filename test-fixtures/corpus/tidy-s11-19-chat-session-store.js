// expect: tidy-disposed-state
// Per-user recurrent context for the support chatbot server; ChatSessions builds on the generic SessionStore.
var tf = require('@tensorflow/tfjs');

function SessionStore(units) {
  this.units = units;
  this.map = new Map();
  this.touched = new Map();
}

SessionStore.prototype.get = function (id) {
  return this.map.get(id) || null;
};

SessionStore.prototype.put = function (id, tensor) {
  var old = this.map.get(id);
  if (old && old !== tensor) old.dispose();
  this.map.set(id, tensor);
  this.touched.set(id, Date.now());
};

SessionStore.prototype.drop = function (id) {
  var old = this.map.get(id);
  if (old) old.dispose();
  this.map.delete(id);
  this.touched.delete(id);
};

function ChatSessions(embDim, units) {
  SessionStore.call(this, units);
  this.Wx = tf.variable(tf.randomNormal([embDim, units], 0, 0.3, 'float32', 11));
  this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 12));
  this.Wr = tf.variable(tf.randomNormal([units, 3], 0, 0.3, 'float32', 13));
}

ChatSessions.prototype = Object.create(SessionStore.prototype);
ChatSessions.prototype.constructor = ChatSessions;

ChatSessions.prototype.handleMessage = function (userId, messageVec) {
  var self = this;
  var routeScores = tf.tidy(function () {
    var prev = self.get(userId) || tf.zeros([1, self.units]);
    var x = tf.tensor2d([messageVec]);
    var h = tf.tanh(tf.add(tf.matMul(x, self.Wx), tf.matMul(prev, self.Wh)));
    self.put(userId, h);
    return tf.softmax(tf.matMul(h, self.Wr));
  });
  var scores = routeScores.arraySync()[0];
  routeScores.dispose();
  var routes = ['billing', 'tech', 'human'];
  return routes[scores.indexOf(Math.max.apply(null, scores))];
};

// Express-style handler
function makeHandler(sessions) {
  return function (req, res) {
    var route = sessions.handleMessage(req.body.user, req.body.vec);
    res.json({ route: route });
  };
}

module.exports = { SessionStore: SessionStore, ChatSessions: ChatSessions, makeHandler: makeHandler };

if (require.main === module) {
  var sessions = new ChatSessions(4, 6);
  var handler = makeHandler(sessions);
  var fakeRes = { json: function (o) { console.log(JSON.stringify(o)); } };
  handler({ body: { user: 'ann', vec: [0.1, 0.5, 0.2, 0.0] } }, fakeRes);
  handler({ body: { user: 'bob', vec: [0.9, 0.1, 0.0, 0.3] } }, fakeRes);
  handler({ body: { user: 'ann', vec: [0.2, 0.2, 0.7, 0.1] } }, fakeRes);
}
