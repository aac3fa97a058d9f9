// Encoder factories whose closures start every sentence from zeros, and a streaming one.
const tf = require('@tensorflow/tfjs');

function makeEncoder(table, wx, wh, units) {
  let h = tf.zeros([1, units]);
  return function encode(ids) {
    h = tf.zeros([1, units]);
    for (const id of ids) {
      const next = tf.tidy(() => tf.tanh(table.gather([id]).matMul(wx).add(h.matMul(wh))));
      h = next;
    }
    return h;
  };
}

// The stream continues from chunk to chunk: the caller feeds one long signal.
function makeStream(wx, wh, units) {
  let h = tf.zeros([1, units]);
  return function feed(frames) {
    for (const f of frames) {
      const next = tf.tidy(() => tf.tanh(tf.tensor2d([f]).matMul(wx).add(h.matMul(wh))));
      h = next;
    }
    return h;
  };
}

module.exports = { makeEncoder, makeStream };
