// expect: unused-hidden-state
const tf = require('@tensorflow/tfjs');

const units = 32;
const kernel = tf.variable(tf.randomNormal([12, units], 0, 0.1));
const recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.1));

// Called as cellStep([x, h]) like a tfjs-layers cell; h is bound and never read.
const cellStep = ([x, h]) => {
  const out = tf.tanh(x.matMul(kernel));
  return [out, out];
};

function run(xs) {
  let h = tf.zeros([1, units]);
  const outputs = [];
  for (let t = 0; t < xs.length; t++) {
    const [out, hNext] = cellStep([xs[t], h]);
    outputs.push(out);
    h = hNext;
  }
  return tf.stack(outputs);
}

module.exports = { run };
