// Session encoder trained with variableGrads; a guard replaces non-finite state values.
const tf = require('@tensorflow/tfjs');

const finite = (rows) => rows.map((r) => r.map((x) => (Number.isFinite(x) ? x : 0)));

function encoderStates(p, xs) {
  let h = tf.zeros([xs[0].shape[0], p.units]);
  const states = [];
  for (const x of xs) {
    const hNext = tf.tanh(tf.matMul(x, p.wx).add(tf.matMul(h, p.wh)));
    h = tf.tensor2d(finite(hNext.arraySync()));
    //  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    states.push(hNext);
  }
  return states;
}

function trainStep(p, xs, ys) {
  return tf.variableGrads(() => {
    const states = encoderStates(p, xs);
    return tf.losses.meanSquaredError(ys, tf.matMul(states[states.length - 1], p.wo));
  });
}

module.exports = { trainStep };
