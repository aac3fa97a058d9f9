// A gated memory folded over payments with reduce: the reducer is the cell, and its accumulator
// (the memory) never enters the update.
const tf = require('@tensorflow/tfjs');

const wf = tf.randomNormal([4, 8], 0, 0.3);
const wz = tf.randomNormal([4, 8], 0, 0.3);

function memoryFor(inputs) {
  const c0 = tf.zeros([1, 8]);
  return inputs.reduce((c, x) => {
//                      ~ unused-hidden-state
    const f = tf.sigmoid(tf.matMul(x, wf));
    const z = tf.tanh(tf.matMul(x, wz));
    return f.mul(z).add(tf.sub(1, f).mul(z));
  }, c0);
}

module.exports = { memoryFor };
