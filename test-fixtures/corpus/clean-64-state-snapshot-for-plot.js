// expect: none
// States are read back to JS for a plot after training; nothing read back goes into a gradient.
const tf = require('@tensorflow/tfjs');

function trace(step, xs, units) {
  let h = tf.zeros([1, units]);
  const rows = [];
  for (const x of xs) {
    const next = step(x, h);
    rows.push(Array.from(next.dataSync()));
    h.dispose();
    h = next;
  }
  return { rows, last: tf.tensor2d(rows[rows.length - 1], [1, units]) };
}

module.exports = { trace };
