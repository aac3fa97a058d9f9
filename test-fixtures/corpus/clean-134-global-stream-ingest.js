// expect: none
// A single long-running sensor stream handled by a module: ingest() continues it, restart()
// starts a new stream.
const tf = require('@tensorflow/tfjs');

const units = 8;
const cell = tf.layers.gruCell({ units });
cell.build([null, 3]);
let hidden = tf.zeros([1, units]);

function restart() {
  hidden.dispose();
  hidden = tf.zeros([1, units]);
}

function ingest(readings) {
  for (const r of readings) {
    const [, next] = cell.call([r, hidden], {});
    hidden.dispose();
    hidden = next;
  }
  return hidden;
}

module.exports = { ingest, restart };
