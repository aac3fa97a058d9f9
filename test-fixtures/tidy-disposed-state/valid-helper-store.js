// Helpers that store the state a tidy callback hands them, done right: kept inside the helper, kept
// by the caller, or stored after tidy returns it.
const tf = require('@tensorflow/tfjs');

const UNITS = 4;
const W = tf.randomNormal([UNITS + 2, UNITS]);

function createServer() {
  const sessions = new Map();

  function saveKept(id, h) {
    const prev = sessions.get(id);
    if (prev) prev.h.dispose();
    sessions.set(id, { h: tf.keep(h), turns: prev ? prev.turns + 1 : 1 });
  }

  function save(id, h) {
    const prev = sessions.get(id);
    if (prev) prev.h.dispose();
    sessions.set(id, { h, turns: prev ? prev.turns + 1 : 1 });
  }

  function onMessage(id, features) {
    const prev = sessions.get(id);
    const start = prev ? prev.h : tf.zeros([1, UNITS]);
    tf.tidy(() => {
      const h = tf.tanh(tf.concat([tf.tensor2d([features]), start], 1).matMul(W));
      saveKept(id, h);
    });
    tf.tidy(() => {
      const h = tf.tanh(tf.concat([tf.tensor2d([features]), start], 1).matMul(W));
      save(id, tf.keep(h));
    });
    const next = tf.tidy(() => tf.tanh(tf.concat([tf.tensor2d([features]), start], 1).matMul(W)));
    save(id, next);
  }

  return { onMessage };
}

module.exports = { createServer };
