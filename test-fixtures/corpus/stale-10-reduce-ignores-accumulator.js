// expect: stale-state
const tf = require('@tensorflow/tfjs');

const H = 7;
const W = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const step = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

// The accumulator is ignored: every element is stepped from h0, and the result is just the
// last input's one-step state.
function finalState(xs) {
  const h0 = tf.zeros([1, H]);
  return xs.reduce((acc, x) => step(x, h0), h0);
}

module.exports = { finalState };
