// A minimal RNN unrolled with reduce; the accumulator collects the states it makes.
var tf = require('@tensorflow/tfjs');

function unroll(cell, xs, h0) {
  var result = xs.reduce(function (acc, x) {
    var h = cell.step(x, acc.h);
    //                   ~~~~~ stale-state
    acc.hs.push(h);
    return acc;
  }, { h: h0, hs: [] });
  return result.hs;
}

module.exports = { unroll: unroll };
