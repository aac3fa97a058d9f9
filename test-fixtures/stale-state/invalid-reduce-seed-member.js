// Recurrent critics unrolled with reduce over a named seed: each reducer carries the new state in
// its accumulator, but computes every step from the seed's state (`start.h`), not the carried one.
const tf = require('@tensorflow/tfjs');

const H = 16;
const W = tf.variable(tf.randomNormal([8, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const v = tf.variable(tf.randomNormal([H, 1], 0, 0.1));

function cell(x, h) {
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));
}

function winOdds(moves) {
  const start = { h: tf.zeros([1, H]), odds: [] };
  const { odds } = moves.reduce(({ h, odds }, move) => {
    const hNext = cell(move, start.h);
    //                       ~~~~~~~ stale-state
    return { h: hNext, odds: [...odds, tf.sigmoid(tf.matMul(hNext, v))] };
  }, start);
  return odds;
}

function finalState(frames) {
  const seed = { h: tf.zeros([1, H]), count: 0 };
  return frames.reduce((acc, frame) => ({ h: cell(frame, seed.h), count: acc.count + 1 }), seed).h;
  //                                                     ~~~~~~ stale-state
}

module.exports = { winOdds, finalState };
