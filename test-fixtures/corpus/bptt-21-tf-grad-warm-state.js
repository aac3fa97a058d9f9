// expect: bptt-cut
const tf = require('@tensorflow/tfjs');

// d loss / d U, but the warm-up steps that built hWarm ran before tf.grad's tape.
function gradWrtRecurrent(xs, y, W, U, V) {
  let hWarm = tf.zeros([1, U.shape[0]]);
  for (let t = 0; t < xs.length - 1; t++) {
    hWarm = tf.tanh(xs[t].matMul(W).add(hWarm.matMul(U)));
  }
  const g = tf.grad((u) => {
    const last = tf.tanh(xs[xs.length - 1].matMul(W).add(hWarm.matMul(u)));
    return tf.losses.meanSquaredError(y, last.matMul(V));
  });
  return g(U);
}

module.exports = { gradWrtRecurrent };
