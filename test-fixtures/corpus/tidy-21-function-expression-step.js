// expect: tidy-disposed-state
const tf = require('@tensorflow/tfjs');

const step = function (x, h, W, U) {
  return tf.tanh(x.matMul(W).add(h.matMul(U)));
};

function run(xs, W, U) {
  let h = tf.zeros([1, U.shape[0]]);
  xs.forEach(function (x) {
    tf.tidy(function () {
      h = step(x, h, W, U);
    });
  });
  return h;
}

module.exports = { run };
