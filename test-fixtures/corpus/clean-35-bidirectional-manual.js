// expect: none
const tf = require('@tensorflow/tfjs');

const H = 8;
const fwd = tf.layers.simpleRNNCell({ units: H });
const bwd = tf.layers.simpleRNNCell({ units: H });
fwd.build([null, 4]);
bwd.build([null, 4]);

function runDirection(cell, xs) {
  let h = tf.zeros([1, H]);
  const outs = [];
  for (const x of xs) {
    const [out, next] = cell.call([x, h], {});
    h = next;
    outs.push(out);
  }
  return outs;
}

function bidirectional(xs) {
  const forward = runDirection(fwd, xs);
  const backward = runDirection(bwd, [...xs].reverse()).reverse();
  return forward.map((f, i) => tf.concat([f, backward[i]], 1));
}

module.exports = { bidirectional };
