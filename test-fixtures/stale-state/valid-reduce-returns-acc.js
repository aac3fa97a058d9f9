// Reducers over frames that carry the state: one returns the new state, one keeps it in a
// tf.Variable it updates in place and hands on.
const tf = require('@tensorflow/tfjs');

function encodeStep(p, frame, h) {
  return tf.tanh(frame.matMul(p.wx).add(h.matMul(p.wh)));
}

function encode(p, frames, h0) {
  const states = [];
  const last = frames.reduce((h, frame) => {
    const hNext = encodeStep(p, frame, h);
    states.push(hNext);
    return hNext;
  }, h0);
  return { pooled: tf.concat(states, 0).mean(0, true), last };
}

function encodeInto(p, frames, stateVar) {
  return frames.reduce((v, frame) => {
    v.assign(encodeStep(p, frame, v));
    return v;
  }, stateVar);
}

module.exports = { encode, encodeInto };
