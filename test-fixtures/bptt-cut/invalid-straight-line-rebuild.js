// The same carry, but the unroll is written out step by step inside the closure and the state is
// rebuilt between two of its steps: the gradient stops in the middle of the chunk.
const tf = require('@tensorflow/tfjs');

const W = { wx: tf.variable(tf.randomNormal([8, 16])), wh: tf.variable(tf.randomNormal([16, 16])), wy: tf.variable(tf.randomNormal([16, 8])) };
const optimizer = tf.train.adam(1e-3);
const step = (x, h) => tf.tanh(tf.add(tf.matMul(x, W.wx), tf.matMul(h, W.wh)));

function trainPair(x0, x1, y, h0) {
  return optimizer.minimize(() => {
    const h1 = step(x0, h0);
    const h1Copy = tf.tensor2d(h1.arraySync());
//                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    const h2 = step(x1, h1Copy);
    return tf.losses.softmaxCrossEntropy(y, tf.matMul(h2, W.wy));
  });
}

module.exports = { trainPair };
