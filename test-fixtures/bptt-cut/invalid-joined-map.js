// Every sample is unrolled once and the final states joined, before the minimize loop.
const tf = require('@tensorflow/tfjs');

function unroll(model, series) {
  let h = tf.zeros([1, 6]);
  for (const v of series) {
    h = tf.tanh(tf.tensor2d([[v]]).matMul(model.wx).add(h.matMul(model.wh)));
  }
  return h;
}

function fineTune(model, samples, targets) {
  const optimizer = tf.train.sgd(0.05);
  const finals = tf.tidy(() => tf.concat(samples.map((s) => unroll(model, s)), 0));
  for (let epoch = 0; epoch < 20; epoch++) {
    optimizer.minimize(() => tf.losses.meanSquaredError(targets, finals.matMul(model.wOut)));
    //                                                           ~~~~~~ bptt-cut
  }
  finals.dispose();
}

module.exports = { fineTune };
