// A worker serving every open tab, and a chat server scoring each connected user's activity.
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

function TabHub(predictor) {
  this.predictor = predictor;
  this.tabs = new Map();
}

TabHub.prototype.handle = function (tabId, x) {
  const tab = this.tabs.get(tabId);
  tab.actions += 1;
  return this.predictor.observe(x);
  //     ~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
};

const W = tf.randomNormal([3 + 8, 8]);
function step(x, h) {
  return tf.tanh(tf.matMul(tf.concat([x, h], 1), W));
}

let state = tf.zeros([1, 8]);

function onConnection(socket, userId) {
  let lastAt = 0;
  socket.on('message', (x) => {
    const next = step(x, state);
    //                   ~~~~~ state-leak
    state = next;
    lastAt = Date.now();
    socket.send(JSON.stringify({ userId, lastAt }));
  });
}

module.exports = { TabHub, Predictor, onConnection };
