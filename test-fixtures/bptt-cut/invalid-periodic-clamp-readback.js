// The same loop, but every K steps the state is clamped on the CPU: the copy changes the values,
// and the gradient is cut as a side effect of the clamp.
const tf = require('@tensorflow/tfjs');

const W = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const optimizer = tf.train.adam(0.01);
const K = 20;

function trainSeries(xs, ys) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, 8]);
    let loss = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      if (t % K === 0) h = tf.tensor(h.arraySync().map((row) => row.map((v) => Math.max(-3, Math.min(3, v)))));
//                         ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
      h = tf.tanh(xs[t].matMul(W).add(h.matMul(U)));
      loss = loss.add(tf.losses.meanSquaredError(ys[t], h));
    }
    return loss.div(xs.length);
  }, true);
}

module.exports = { trainSeries };
