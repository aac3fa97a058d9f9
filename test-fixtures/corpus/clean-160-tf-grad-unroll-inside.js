// expect: none
const tf = require('@tensorflow/tfjs');

function gradWrtRecurrent(xs, y, W, U, V) {
  const g = tf.grad((u) => {
    let h = tf.zeros([1, U.shape[0]]);
    for (const x of xs) {
      h = tf.tanh(x.matMul(W).add(h.matMul(u)));
    }
    return tf.losses.meanSquaredError(y, h.matMul(V));
  });
  return g(U);
}

module.exports = { gradWrtRecurrent };
