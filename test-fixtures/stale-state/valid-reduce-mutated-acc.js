// Minimal RNNs unrolled with reduce over an accumulator they update in place and hand on.
var tf = require('@tensorflow/tfjs');

function unroll(cell, xs, h0) {
  return xs.reduce(function (acc, x) {
    var h = cell.step(x, acc.h);
    acc.hs.push(h);
    acc.h = h;
    return acc;
  }, { h: h0, hs: [] }).hs;
}

function unrollAssign(cell, xs, h0) {
  return xs.reduce(function (acc, x) {
    var h = cell.step(x, acc.h);
    Object.assign(acc, { h: h, hs: acc.hs.concat([h]) });
    return acc;
  }, { h: h0, hs: [] }).hs;
}

function Trace(h0) {
  this.h = h0;
  this.hs = [];
}
Trace.prototype.advance = function (h) {
  this.h = h;
  this.hs.push(h);
};

function unrollTrace(cell, xs, h0) {
  return xs.reduce(function (acc, x) {
    acc.advance(cell.step(x, acc.h));
    return acc;
  }, new Trace(h0)).hs;
}

module.exports = { unroll: unroll, unrollAssign: unrollAssign, unrollTrace: unrollTrace };
