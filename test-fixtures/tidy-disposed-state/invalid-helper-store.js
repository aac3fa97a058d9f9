// A plain helper of the closure (or module) stores the state a tidy callback hands it in a map that
// outlives the callback: the entry is disposed when tidy returns, and the next message reads it.
const tf = require('@tensorflow/tfjs');

const UNITS = 4;
const W = tf.randomNormal([UNITS + 2, UNITS]);

function createServer() {
  const sessions = new Map();

  function stateFor(id) {
    if (!sessions.has(id)) sessions.set(id, { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]), turns: 0 });
    return sessions.get(id);
  }

  function saveState(id, h, c) {
    const prev = sessions.get(id);
    prev.h.dispose();
    prev.c.dispose();
    sessions.set(id, { h, c, turns: prev.turns + 1 });
  }

  function onMessage(id, features) {
    const st = stateFor(id);
    return tf.tidy(() => {
      const c = tf.tanh(tf.concat([tf.tensor2d([features]), st.h], 1).matMul(W)).add(st.c);
      const h = tf.tanh(c);
      saveState(id, h, c);
//    ~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      return h.sum().dataSync()[0];
    });
  }

  return { onMessage };
}

const cache = new Map();

function remember(key, state) {
  cache.set(key, state);
}

function encode(key, x) {
  const prev = cache.get(key) || tf.zeros([1, UNITS]);
  tf.tidy(() => {
    const next = tf.tanh(tf.concat([x, prev], 1).matMul(W));
    remember(key, next);
//  ~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
  });
}

module.exports = { createServer, encode };
