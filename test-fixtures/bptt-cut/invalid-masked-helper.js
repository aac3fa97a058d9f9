// A helper unrolls a masked recurrence (the old state kept where the sequence has ended) before the
// gradient closure, which only runs the head on its result.
const tf = require('@tensorflow/tfjs');

const cellVars = {
  Wx: tf.variable(tf.randomNormal([4, 8], 0, 0.05)),
  Wh: tf.variable(tf.randomNormal([8, 8], 0, 0.05)),
};
const headVars = { W: tf.variable(tf.randomNormal([8, 1], 0, 0.05)) };
const optimizer = tf.train.adam(1e-3);

function encode(xs, mask, steps) {
  return tf.tidy(() => {
    let h = tf.zeros([xs.shape[0], 8]);
    for (let t = 0; t < steps; t++) {
      const x = xs.gather([t], 1).squeeze([1]);
      const m = mask.gather([t], 1);
      const cand = tf.tanh(x.matMul(cellVars.Wx).add(h.matMul(cellVars.Wh)));
      h = m.mul(cand).add(tf.sub(1, m).mul(h));
    }
    return h;
  });
}

function trainBatch(xs, mask, labels, steps) {
  const finalH = encode(xs, mask, steps);
  const { value, grads } = tf.variableGrads(() => tf.losses.sigmoidCrossEntropy(labels, finalH.matMul(headVars.W)));
//                                                                                      ~~~~~~ bptt-cut
  optimizer.applyGradients(grads);
  return value;
}

module.exports = { trainBatch };
