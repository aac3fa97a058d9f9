// expect: none
// JSDoc-typed LSTM language model for short product codes, trained with optimizer.minimize (CommonJS).
// @ts-check
'use strict';

const tf = require('@tensorflow/tfjs');

/**
 * @typedef {Object} CodeModelOptions
 * @property {number} units
 * @property {string} alphabet
 * @property {number} lr
 */

/** @type {CodeModelOptions} */
const DEFAULTS = { units: 40, alphabet: '^$ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-', lr: 0.01 };

/**
 * @param {Partial<CodeModelOptions>} [options]
 */
function createCodeModel(options) {
  const o = Object.assign({}, DEFAULTS, options);
  const V = o.alphabet.length;
  const U = o.units;
  const w = (/** @type {number} */ r, /** @type {number} */ c) => tf.variable(tf.randomNormal([r, c], 0, 0.1));
  const p = {
    wx: w(V, 4 * U), wh: w(U, 4 * U), b: tf.variable(tf.zeros([4 * U])),
    wy: w(U, V), by: tf.variable(tf.zeros([V]))
  };
  const optimizer = tf.train.adam(o.lr);

  /**
   * @param {tf.Tensor2D} x
   * @param {tf.Tensor2D} h
   * @param {tf.Tensor2D} c
   * @returns {{ h: tf.Tensor2D, c: tf.Tensor2D }}
   */
  function cell(x, h, c) {
    const z = tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
    const hNext = tf.mul(tf.sigmoid(zo), tf.tanh(cNext));
    return { h: /** @type {tf.Tensor2D} */ (hNext), c: /** @type {tf.Tensor2D} */ (cNext) };
  }

  /** @param {string} code */
  function ids(code) {
    return ('^' + code.toUpperCase() + '$').split('').map((ch) => Math.max(o.alphabet.indexOf(ch), 0));
  }

  /**
   * Full backprop through the whole code string; each code starts from zero state.
   * @param {string} code
   * @returns {number}
   */
  function trainCode(code) {
    const seq = ids(code);
    const cost = optimizer.minimize(() => {
      const x = tf.oneHot(seq, V).toFloat();
      let h = /** @type {tf.Tensor2D} */ (tf.zeros([1, U]));
      let c = /** @type {tf.Tensor2D} */ (tf.zeros([1, U]));
      const losses = [];
      let t = 0;
      while (t < seq.length - 1) {
        const xt = /** @type {tf.Tensor2D} */ (x.slice([t, 0], [1, V]));
        const next = cell(xt, h, c);
        h = next.h;
        c = next.c;
        const logits = tf.add(tf.matMul(h, p.wy), p.by);
        losses.push(tf.losses.softmaxCrossEntropy(x.slice([t + 1, 0], [1, V]), logits));
        t += 1;
      }
      return /** @type {tf.Scalar} */ (tf.mean(tf.stack(losses)));
    }, true);
    const v = cost ? cost.dataSync()[0] : NaN;
    if (cost) cost.dispose();
    return v;
  }

  return { params: p, cell, trainCode, options: o };
}

module.exports = { createCodeModel, DEFAULTS };
