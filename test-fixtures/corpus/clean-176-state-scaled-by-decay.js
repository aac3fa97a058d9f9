// expect: none
// A leaky integrator: the new state is the decayed old state plus a squashed input.
const tf = require('@tensorflow/tfjs');

function step(x, h, W, decay) {
  return tf.add(tf.mul(h, decay), tf.tanh(tf.matMul(x, W)));
}

function run(xs, W, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) h = step(x, h, W, 0.9);
  return h;
}

module.exports = { step, run };
