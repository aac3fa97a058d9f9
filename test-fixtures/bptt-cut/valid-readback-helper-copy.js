// Session encoder trained with variableGrads; non-finite values are guarded on the tensor
// itself, and a JS copy made by the same helper only feeds a log.
const tf = require('@tensorflow/tfjs');

const finite = (rows) => rows.map((r) => r.map((x) => (Number.isFinite(x) ? x : 0)));

function encoderStates(p, xs) {
  let h = tf.zeros([xs[0].shape[0], p.units]);
  const states = [];
  for (const x of xs) {
    const hNext = tf.tanh(tf.matMul(x, p.wx).add(tf.matMul(h, p.wh)));
    h = tf.where(tf.isFinite(hNext), hNext, tf.zerosLike(hNext));
    states.push(h);
  }
  return states;
}

function trainStep(p, xs, ys, log) {
  const result = tf.variableGrads(() => {
    const states = encoderStates(p, xs);
    return tf.losses.meanSquaredError(ys, tf.matMul(states[states.length - 1], p.wo));
  });
  log(finite(encoderStates(p, xs)[0].arraySync()));
  return result;
}

module.exports = { trainStep };
