// expect: stale-state
// Callback-style GRU encoder for accelerometer frames, used by an Express route in the gesture service.
'use strict';

var tf = require('@tensorflow/tfjs');

function glorot(rows, cols) {
  var limit = Math.sqrt(6 / (rows + cols));
  return tf.variable(tf.randomUniform([rows, cols], -limit, limit));
}

function createParams(inputSize, hiddenSize) {
  return {
    hiddenSize: hiddenSize,
    wz: glorot(inputSize, hiddenSize), uz: glorot(hiddenSize, hiddenSize), bz: tf.variable(tf.zeros([hiddenSize])),
    wr: glorot(inputSize, hiddenSize), ur: glorot(hiddenSize, hiddenSize), br: tf.variable(tf.zeros([hiddenSize])),
    wn: glorot(inputSize, hiddenSize), un: glorot(hiddenSize, hiddenSize), bn: tf.variable(tf.zeros([hiddenSize]))
  };
}

/**
 * @param {object} p
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 * @returns {tf.Tensor2D}
 */
function gruStep(p, x, h) {
  var z = tf.sigmoid(tf.add(tf.add(tf.matMul(x, p.wz), tf.matMul(h, p.uz)), p.bz));
  var r = tf.sigmoid(tf.add(tf.add(tf.matMul(x, p.wr), tf.matMul(h, p.ur)), p.br));
  var n = tf.tanh(tf.add(tf.add(tf.matMul(x, p.wn), tf.matMul(tf.mul(r, h), p.un)), p.bn));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

/**
 * Encodes a single recording into one vector per frame plus a summary vector.
 * @param {object} params
 * @param {number[][]} frames
 * @param {(err: Error|null, out?: {perFrame: number[][], summary: number[]}) => void} done
 */
function encodeRecording(params, frames, done) {
  if (!frames || frames.length === 0) {
    return setImmediate(function () { done(new Error('empty recording')); });
  }
  var result;
  try {
    result = tf.tidy(function () {
      var xs = tf.tensor2d(frames);
      var steps = tf.split(xs, frames.length, 0);
      var h0 = tf.zeros([1, params.hiddenSize]);
      var outputs = [];
      var last = h0;
      for (var t = 0; t < steps.length; t++) {
        var hNext = gruStep(params, steps[t], h0);
        outputs.push(hNext);
        last = hNext;
      }
      return {
        perFrame: tf.concat(outputs, 0).arraySync(),
        summary: last.squeeze().arraySync()
      };
    });
  } catch (err) {
    return setImmediate(function () { done(err); });
  }
  setImmediate(function () { done(null, result); });
}

function encodeMany(params, recordings, done) {
  var out = [];
  var pending = recordings.length;
  var failed = false;
  if (pending === 0) return done(null, out);
  recordings.forEach(function (rec, i) {
    encodeRecording(params, rec.frames, function (err, enc) {
      if (failed) return;
      if (err) { failed = true; return done(err); }
      out[i] = { id: rec.id, summary: enc.summary };
      if (--pending === 0) done(null, out);
    });
  });
}

module.exports = {
  createParams: createParams,
  encodeRecording: encodeRecording,
  encodeMany: encodeMany
};
