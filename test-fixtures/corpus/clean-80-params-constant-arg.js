// expect: none
const tf = require('@tensorflow/tfjs');

function step(x, h, params) {
  return tf.tanh(x.matMul(params.W).add(h.matMul(params.U)).add(params.b));
}

function run(xs, params, units) {
  let h = tf.zeros([1, units]);
  const hs = [];
  for (let t = 0; t < xs.length; t++) {
    h = step(xs[t], h, params);
    hs.push(h);
  }
  return hs;
}

module.exports = { run };
