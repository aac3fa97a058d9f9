// expect: none
const tf = require('@tensorflow/tfjs');

function encode(cell, xs, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    const prev = h;
    h = tf.tidy('rnn-step', () => cell(x, prev));
    prev.dispose();
  }
  return h;
}

module.exports = { encode };
