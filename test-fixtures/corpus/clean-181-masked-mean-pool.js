// expect: none
// Mean-pooling the RNN outputs of one sequence with a fixed mask: the loop is over outputs that
// already exist; no state is stepped.
const tf = require('@tensorflow/tfjs');

function weighted(out, weight) {
  return tf.mul(out, weight);
}

function pool(outputs, mask) {
  const zero = tf.zerosLike(outputs[0]);
  let acc = zero;
  for (let t = 0; t < outputs.length; t++) {
    acc = tf.add(acc, weighted(outputs[t], mask[t]));
  }
  return tf.div(acc, outputs.length);
}

module.exports = { pool };
