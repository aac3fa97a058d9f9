// expect: none
const tf = require('@tensorflow/tfjs');

const H = 9;
const W = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));

const step = (x, h) => tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));

function finalState(xs) {
  return xs.reduce((h, x) => step(x, h), tf.zeros([1, H]));
}

function allStates(xs) {
  const states = [];
  xs.reduce((h, x) => {
    const next = step(x, h);
    states.push(next);
    return next;
  }, tf.zeros([1, H]));
  return states;
}

module.exports = { finalState, allStates };
