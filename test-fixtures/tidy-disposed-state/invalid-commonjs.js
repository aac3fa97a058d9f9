// The same bug in CommonJS JavaScript: forEach, for...in, a cell passed in as a parameter.
const tf = require('@tensorflow/tfjs');

const W = tf.variable(tf.randomNormal([3, 5]));
const U = tf.variable(tf.randomNormal([5, 5]));

function runSequence(frames) {
  let hidden = tf.zeros([1, 5]);
  frames.forEach((frame) => {
    tf.tidy(() => {
      hidden = tf.tanh(frame.matMul(W).add(hidden.matMul(U)));
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    });
  });
  return hidden.arraySync();
}

function run(rnnCell, frames, units) {
  let mem = tf.zeros([1, units]);
  for (const i in frames) {
    tf.tidy(() => {
      mem = rnnCell.call([frames[i], mem], {})[1];
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    });
  }
  return mem;
}

module.exports = { runSequence, run };
