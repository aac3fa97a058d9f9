// Frames stepped through a promise chain: each continuation steps from the state the previous one
// resolved with.
const tf = require('@tensorflow/tfjs');

const Wx = tf.randomNormal([4, 8]);
const Wh = tf.randomNormal([8, 8]);
const cell = {
  step(x, h) {
    return tf.tidy(() => tf.tanh(x.matMul(Wx).add(h.matMul(Wh))));
  },
};

function streamSequence(frames, hidden) {
  return frames.reduce(
    (chain, frame) =>
      chain.then((prev) => {
        const next = cell.step(frame, prev);
        if (prev !== hidden) prev.dispose();
        return next;
      }),
    Promise.resolve(hidden)
  );
}

function later(frames, h0) {
  let chain = Promise.resolve(h0);
  for (const frame of frames) chain = chain.then((h) => cell.step(frame, h));
  return chain;
}

module.exports = { streamSequence, later };
