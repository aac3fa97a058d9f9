// expect: returns-input-state
// JSDoc-typed LSTM cell and sequence runner for a CommonJS price-forecasting package.
// @ts-check
'use strict';

const tf = require('@tensorflow/tfjs');

/**
 * @typedef {{ w: tf.Variable, u: tf.Variable, b: tf.Variable, wOut: tf.Variable, bOut: tf.Variable, units: number }} LstmParams
 * @typedef {{ h: tf.Tensor2D, c: tf.Tensor2D }} LstmState
 */

/**
 * @param {number} inputSize
 * @param {number} units
 * @returns {LstmParams}
 */
function createLstm(inputSize, units) {
  return {
    w: tf.variable(tf.randomNormal([inputSize, 4 * units], 0, 0.08)),
    u: tf.variable(tf.randomNormal([units, 4 * units], 0, 0.08)),
    b: tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])])),
    wOut: tf.variable(tf.randomNormal([units, 1], 0, 0.08)),
    bOut: tf.variable(tf.zeros([1])),
    units
  };
}

/**
 * @param {LstmParams} p
 * @param {number} batch
 * @returns {LstmState}
 */
function zeroState(p, batch) {
  return { h: tf.zeros([batch, p.units]), c: tf.zeros([batch, p.units]) };
}

/**
 * Gate order: input, forget, candidate, output.
 * @param {LstmParams} p
 * @param {tf.Tensor2D} x
 * @param {LstmState} state
 * @returns {LstmState}
 */
function lstmStep(p, x, state) {
  const { h, c } = state;
  const z = tf.add(tf.add(tf.matMul(x, p.w), tf.matMul(h, p.u)), p.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNext = tf.add(tf.mul(f, c), tf.mul(i, g));
  const hNext = /** @type {tf.Tensor2D} */ (tf.mul(o, tf.tanh(cNext)));
  return { h: hNext, c };
}

/**
 * @param {LstmParams} p
 * @param {tf.Tensor3D} windows [batch, time, features]
 * @returns {tf.Tensor2D} next-step prediction per window
 */
function forecast(p, windows) {
  const [batch] = windows.shape;
  const steps = /** @type {tf.Tensor2D[]} */ (tf.unstack(windows, 1));
  let state = zeroState(p, batch);
  for (const x of steps) {
    state = lstmStep(p, x, state);
  }
  return /** @type {tf.Tensor2D} */ (tf.add(tf.matMul(state.h, p.wOut), p.bOut));
}

/**
 * @param {LstmParams} p
 * @param {tf.Tensor3D} windows
 * @param {tf.Tensor2D} targets
 * @param {tf.Optimizer} optimizer
 * @returns {number}
 */
function trainStep(p, windows, targets, optimizer) {
  const loss = optimizer.minimize(() => tf.losses.meanSquaredError(targets, forecast(p, windows)), true);
  const v = loss ? loss.dataSync()[0] : NaN;
  if (loss) loss.dispose();
  return v;
}

module.exports = { createLstm, zeroState, lstmStep, forecast, trainStep };
