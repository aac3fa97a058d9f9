// expect: tidy-disposed-state
const tf = require('@tensorflow/tfjs-node');

const W = tf.variable(tf.randomNormal([3, 5]));
const U = tf.variable(tf.randomNormal([5, 5]));

function runSequence(frames) {
  let hidden = tf.zeros([1, 5]);
  frames.forEach((frame) => {
    tf.tidy(() => {
      hidden = tf.tanh(frame.matMul(W).add(hidden.matMul(U)));
    });
  });
  return hidden.arraySync();
}

module.exports = { runSequence };
