// Time loops that forget to carry the state while they keep something under a comparison: the
// peak output, a clipped copy of the new state. Only keeping the new state as the best of several
// tries makes a loop a search.
const tf = require('@tensorflow/tfjs');

function peakResponse(cell, xs, h0) {
  let peak = -Infinity;
  let peakOut = null;
  for (let t = 0; t < xs.length; t++) {
    const [out, hNew] = cell.step(xs[t], h0);
//                                       ~~ stale-state
    const score = out.max().dataSync()[0];
    if (score > peak) {
      peak = score;
      peakOut = out;
    }
  }
  return peakOut;
}

function clippedRun(cell, xs, h0) {
  let last = null;
  for (let t = 0; t < xs.length; t++) {
    const [out, h] = cell.step(xs[t], h0);
//                                    ~~ stale-state
    const n = h.norm().dataSync()[0];
    last = n > 5 ? h.div(n) : h;
  }
  return last;
}

module.exports = { peakResponse, clippedRun };
