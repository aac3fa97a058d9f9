// A user-written detach (a `tf.customGrad` whose gradient is zero) applied to the state at every step on the tape.
const tf = require('@tensorflow/tfjs');

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.05));
const Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.05));
const optimizer = tf.train.adam(1e-3);

const stopGradient = tf.customGrad((x) => ({ value: x.clone(), gradFunc: (dy) => [tf.zerosLike(dy)] }));

function detachHidden(h) {
  return stopGradient(h);
}

function step(x, h) {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

function train(frames, target) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, 8]);
    for (const x of frames) {
      h = detachHidden(h);
//        ~~~~~~~~~~~~~~~ bptt-cut
      h = step(x, h);
    }
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo));
  }, true);
}

function logits(frames) {
  let state = tf.zeros([1, 8]);
  for (const x of frames) {
    const next = tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(state, Wh)));
    state = stopGradient(next);
//          ~~~~~~~~~~~~~~~~~~ bptt-cut
  }
  return tf.matMul(state, Wo);
}

function trainLogits(frames, label) {
  return tf.variableGrads(() => tf.losses.sigmoidCrossEntropy(label, logits(frames)));
}

module.exports = { train, trainLogits };
