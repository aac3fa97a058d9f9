// Recurrent critics unrolled with reduce over a named seed, each step from the carried state: the
// accumulator's (destructured or read as `acc.h`), or the seed's own when the reducer updates the
// seed itself (the accumulator IS the seed). An encoder's memory read from the seed on every step
// is an input beside the carried state, and a reduce over whole games starts each from the seed.
const tf = require('@tensorflow/tfjs');

const H = 16;
const W = tf.variable(tf.randomNormal([8, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const v = tf.variable(tf.randomNormal([H, 1], 0, 0.1));

function cell(x, h) {
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));
}

function attendStep(x, h, memory) {
  const context = tf.softmax(tf.matMul(h, memory, false, true)).matMul(memory);
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)).add(context));
}

function winOdds(moves) {
  const start = { h: tf.zeros([1, H]), odds: [] };
  const { odds } = moves.reduce(({ h, odds }, move) => {
    const hNext = cell(move, h);
    return { h: hNext, odds: [...odds, tf.sigmoid(tf.matMul(hNext, v))] };
  }, start);
  return odds;
}

function finalState(frames) {
  const seed = { h: tf.zeros([1, H]), count: 0 };
  return frames.reduce((acc, frame) => ({ h: cell(frame, acc.h), count: acc.count + 1 }), seed).h;
}

// The accumulator is the seed object itself, updated in place: `start.h` is the carried state.
function inPlace(frames) {
  const start = { h: tf.zeros([1, H]), outs: [] };
  return frames.reduce((acc, frame) => {
    acc.h = cell(frame, start.h);
    acc.outs.push(acc.h);
    return acc;
  }, start).outs;
}

function assigned(frames) {
  const start = { h: tf.zeros([1, H]), outs: [] };
  return frames.reduce((acc, frame) => {
    const h = cell(frame, start.h);
    Object.assign(acc, { h, outs: [...acc.outs, h] });
    return acc;
  }, start).outs;
}

// The encoder's memory is read from the seed on every step; the state `h` is carried.
function decode(targets, encoded) {
  const start = { h: encoded.final, memory: encoded.outputs, outs: [] };
  return targets.reduce(({ h, outs }, y) => {
    const hNext = attendStep(y, h, start.memory);
    return { h: hNext, outs: [...outs, hNext] };
  }, start).outs;
}

// Each game is a sequence of its own, encoded from the seed's initial state.
function encodeGames(games) {
  const start = { h: tf.zeros([1, H]), finals: [] };
  return games.reduce((acc, game) => {
    let h = start.h;
    for (const move of game) h = cell(move, h);
    return { h, finals: [...acc.finals, h] };
  }, start).finals;
}

module.exports = { winOdds, finalState, inPlace, assigned, decode, encodeGames };
