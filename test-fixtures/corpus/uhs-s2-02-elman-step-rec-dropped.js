// expect: unused-hidden-state
const tf = require('@tensorflow/tfjs');

function createElman(inputSize, hiddenSize) {
  const Wx = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
  const Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
  const b = tf.variable(tf.zeros([hiddenSize]));

  function step(x, h) {
    const inp = tf.matMul(x, Wx);
    const rec = tf.matMul(h, Wh);
    return tf.tanh(inp.add(b));
  }

  function run(xs) {
    let h = tf.zeros([xs[0].shape[0], hiddenSize]);
    const outs = [];
    for (let t = 0; t < xs.length; t++) {
      h = step(xs[t], h);
      outs.push(h);
    }
    return tf.stack(outs, 1);
  }

  return { step, run, variables: [Wx, Wh, b] };
}

module.exports = { createElman };
