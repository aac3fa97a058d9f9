// Encodes vibration frames with a reduce over them, pooling the states it collects.
const tf = require('@tensorflow/tfjs');

function encodeStep(p, frame, h) {
  return tf.tanh(frame.matMul(p.wx).add(h.matMul(p.wh)));
}

function encode(p, frames, h0) {
  const states = [];
  frames.reduce((h, frame) => {
    const hNext = encodeStep(p, frame, h);
    //                                 ~ stale-state
    states.push(hNext);
    return h;
  }, h0);
  return tf.concat(states, 0).mean(0, true);
}

module.exports = { encode };
