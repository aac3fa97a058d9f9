// Reducers over inputs: a gated memory that mixes in its accumulator, an unroll body handing the
// accumulator to a step of the file, and a running sum that starts from a non-tensor value.
const tf = require('@tensorflow/tfjs');

const wf = tf.randomNormal([4, 8], 0, 0.3);
const wz = tf.randomNormal([4, 8], 0, 0.3);

function memoryFor(inputs) {
  return inputs.reduce((c, x) => {
    const f = tf.sigmoid(tf.matMul(x, wf));
    const z = tf.tanh(tf.matMul(x, wz));
    return f.mul(c).add(tf.sub(1, f).mul(z));
  }, tf.zeros([1, 8]));
}

function encodeStep(x, h) {
  return tf.tanh(tf.matMul(x, wz).add(h));
}

function lastState(inputs) {
  return inputs.reduce((h, x) => encodeStep(x, h), tf.zeros([1, 8]));
}

function total(inputs) {
  return inputs.reduce((sum, x) => sum + tf.sum(x).dataSync()[0], 0);
}

module.exports = { memoryFor, lastState, total };
