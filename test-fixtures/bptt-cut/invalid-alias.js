// The state unrolled before the gradient closure reaches it under another name.
const tf = require('@tensorflow/tfjs');

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.05));
const Wc = tf.variable(tf.randomNormal([8, 1], 0, 0.05));
const optimizer = tf.train.adam(1e-3);

function rnnStep(x, hidden) {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(hidden, Wh)));
}

function trainOne(review) {
  let hidden = tf.zeros([1, 8]);
  for (const x of review.frames) hidden = rnnStep(x, hidden);
  const summary = hidden;
  return optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(review.label, tf.matMul(summary, Wc)), true);
//                                                                                      ~~~~~~~ bptt-cut
}

module.exports = { trainOne };
