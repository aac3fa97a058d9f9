// expect: bptt-cut
const tf = require('@tensorflow/tfjs');

const units = 10;
const W = tf.variable(tf.randomNormal([3, units], 0, 0.1), true, 'W');
const U = tf.variable(tf.randomNormal([units, units], 0, 0.1), true, 'U');
const V = tf.variable(tf.randomNormal([units, 1], 0, 0.1), true, 'V');

const step = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

function gradients(sequence, target) {
  // The unroll happens before the tape starts recording.
  let h = tf.zeros([1, units]);
  for (const x of sequence) {
    h = step(x, h);
  }
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(target, h.matMul(V)));
  return { loss: value.dataSync()[0], grads };
}

module.exports = { gradients };
