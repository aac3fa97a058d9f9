// A pen RNN proposes the next stroke each animation frame; a ticker scores the stream every second.
const tf = require('@tensorflow/tfjs');

const W = tf.randomNormal([3, 16]);
const U = tf.randomNormal([16, 16]);

function penStep(pen, h) {
  return tf.tidy(() => tf.tanh(tf.matMul(pen, W).add(tf.matMul(h, U))));
}

function startDoodle(draw) {
  let pen = tf.tensor2d([[0, 0, 1]]);
  const hidden = tf.zeros([1, 16]);
  let last = null;
  const frame = () => {
    const h = penStep(pen, hidden);
    //                     ~~~~~~ stale-state
    pen = draw(h);
    last = h;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return () => last;
}

function startTicker(read) {
  const h0 = tf.zeros([1, 16]);
  let latest = h0;
  function tick() {
    latest = penStep(read(), h0);
    //                       ~~ stale-state
  }
  setInterval(tick, 1000);
  return () => latest;
}

module.exports = { startDoodle, startTicker };
