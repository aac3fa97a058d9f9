// A masked encoder run before the closure on purpose: a frozen feature extractor whose weights are
// not in the closure's variable list, and the same encoder used for inference after training.
const tf = require('@tensorflow/tfjs');

const cellVars = {
  Wx: tf.variable(tf.randomNormal([4, 8], 0, 0.05), false),
  Wh: tf.variable(tf.randomNormal([8, 8], 0, 0.05), false),
};
const headVars = { W: tf.variable(tf.randomNormal([8, 1], 0, 0.05)), b: tf.variable(tf.zeros([1])) };
const optimizer = tf.train.adam(1e-3);

function encode(xs, mask, steps) {
  return tf.tidy(() => {
    let h = tf.zeros([xs.shape[0], 8]);
    for (let t = 0; t < steps; t++) {
      const x = xs.gather([t], 1).squeeze([1]);
      const m = mask.gather([t], 1);
      const cand = tf.tanh(x.matMul(cellVars.Wx).add(h.matMul(cellVars.Wh)));
      h = m.mul(cand).add(tf.sub(1, m).mul(h));
    }
    return h;
  });
}

// Only the head is trained: the encoder is a frozen feature extractor.
function trainHead(xs, mask, labels, steps) {
  const features = encode(xs, mask, steps);
  const { value, grads } = tf.variableGrads(
    () => tf.losses.sigmoidCrossEntropy(labels, features.matMul(headVars.W).add(headVars.b)),
    Object.values(headVars),
  );
  optimizer.applyGradients(grads);
  return value;
}

// The same, with the head's variables listed one by one.
function trainHeadListed(xs, mask, labels, steps) {
  const features = encode(xs, mask, steps);
  return optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(labels, features.matMul(headVars.W)), true, [headVars.W]);
}

// Inference after training.
function predict(xs, mask, steps) {
  return tf.tidy(() => tf.sigmoid(encode(xs, mask, steps).matMul(headVars.W).add(headVars.b)));
}

module.exports = { trainHead, trainHeadListed, predict };
