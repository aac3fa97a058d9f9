// A sentence encoder factory: the returned encode() runs one sentence through an Elman cell.
const tf = require('@tensorflow/tfjs');

function makeEncoder(table, wx, wh, units) {
  let h = tf.zeros([1, units]);
  return function encode(ids) {
    for (const id of ids) {
      const next = tf.tidy(() => tf.tanh(table.gather([id]).matMul(wx).add(h.matMul(wh))));
      //                                                                   ~ state-leak
      h.dispose();
      h = next;
    }
    return h.clone();
  };
}

module.exports = { makeEncoder };
