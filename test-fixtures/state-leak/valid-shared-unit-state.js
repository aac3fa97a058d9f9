// A worker serving every open tab with one predictor state per tab; a chat server keeping one state
// per connection; and a site-wide traffic model that reads every user's events as one stream.
const tf = require('@tensorflow/tfjs');

function Predictor(units) {
  this.kernel = tf.randomNormal([8 + units, units]);
  this.hidden = tf.zeros([1, units]);
}

Predictor.prototype.observe = function (x) {
  const self = this;
  const next = tf.tidy(function () {
    return tf.tanh(tf.matMul(tf.concat([x, self.hidden], 1), self.kernel));
  });
  this.hidden.dispose();
  this.hidden = next;
  return next;
};

function TabHub() {
  this.tabs = new Map();
}

TabHub.prototype.open = function (tabId) {
  this.tabs.set(tabId, { actions: 0, predictor: new Predictor(16) });
};

TabHub.prototype.handle = function (tabId, x) {
  const tab = this.tabs.get(tabId);
  tab.actions += 1;
  return tab.predictor.observe(x);
};

const W = tf.randomNormal([3 + 8, 8]);
function step(x, h) {
  return tf.tanh(tf.matMul(tf.concat([x, h], 1), W));
}

function onConnection(socket, userId) {
  let state = tf.zeros([1, 8]);
  let lastAt = 0;
  socket.on('message', (x) => {
    const next = step(x, state);
    state = next;
    lastAt = Date.now();
    socket.send(JSON.stringify({ userId, lastAt }));
  });
}

const traffic = new Predictor(8);
function recordEvent(userId, x) {
  console.log('event from', userId);
  return traffic.observe(x);
}

module.exports = { TabHub, onConnection, recordEvent };
