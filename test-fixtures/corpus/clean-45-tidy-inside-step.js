// expect: none
const tf = require('@tensorflow/tfjs');

const W = tf.variable(tf.randomNormal([3, 5]));
const U = tf.variable(tf.randomNormal([5, 5]));

function step(frame, hidden) {
  return tf.tidy(() => tf.tanh(frame.matMul(W).add(hidden.matMul(U))));
}

function runSequence(frames) {
  let hidden = tf.zeros([1, 5]);
  frames.forEach((frame) => {
    const next = step(frame, hidden);
    hidden.dispose();
    hidden = next;
  });
  return hidden.arraySync();
}

module.exports = { runSequence };
