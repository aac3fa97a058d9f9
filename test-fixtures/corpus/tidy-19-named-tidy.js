// expect: tidy-disposed-state
const tf = require('@tensorflow/tfjs');

function encode(cell, xs, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    tf.tidy('rnn-step', () => {
      h = cell(x, h);
    });
  }
  return h;
}

module.exports = { encode };
