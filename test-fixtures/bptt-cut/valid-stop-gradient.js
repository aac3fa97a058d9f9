// A user-written detach used on purpose: every K steps under a condition, at chunk borders, and a
// customGrad that clips the gradient (not zero) at every step.
const tf = require('@tensorflow/tfjs');

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.05));
const Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.05));
const optimizer = tf.train.adam(1e-3);
const K = 20;

const stopGradient = tf.customGrad((x) => ({ value: x.clone(), gradFunc: (dy) => tf.zerosLike(dy) }));
const clipGradient = tf.customGrad((x) => ({ value: x.clone(), gradFunc: (dy) => tf.clipByValue(dy, -1, 1) }));

function step(x, h) {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

// Truncated BPTT: the state is detached every K steps only.
function trainTruncated(frames, target) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, 8]);
    for (let t = 0; t < frames.length; t++) {
      if (t > 0 && t % K === 0) h = stopGradient(h);
      h = step(frames[t], h);
    }
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo));
  }, true);
}

// The same, written as a conditional expression.
function trainTruncatedTernary(frames, target) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, 8]);
    for (let t = 0; t < frames.length; t++) {
      h = step(frames[t], t % K === 0 ? stopGradient(h) : h);
      h = t % K === K - 1 ? stopGradient(h) : h;
    }
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo));
  }, true);
}

// Detached at the border of each chunk of one long sequence.
function trainChunks(chunks, target) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, 8]);
    for (const chunk of chunks) {
      for (const x of chunk) h = step(x, h);
      h = stopGradient(h);
    }
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo));
  }, true);
}

// A gradient clip keeps the gradient flowing.
function trainClipped(frames, target) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, 8]);
    for (const x of frames) h = clipGradient(step(x, h));
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo));
  }, true);
}

// Inference needs no gradient: detaching there changes nothing.
function predict(frames) {
  return tf.tidy(() => {
    let h = tf.zeros([1, 8]);
    for (const x of frames) h = stopGradient(step(x, h));
    return tf.matMul(h, Wo);
  });
}

module.exports = { trainTruncated, trainTruncatedTernary, trainChunks, trainClipped, predict };
