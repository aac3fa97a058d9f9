// Searches that start every try from the same state on purpose and keep the best result: random
// restarts, seeded samples, a reducer that keeps the best try. The new state is kept, under a
// comparison, in a holder that outlives the try.
const tf = require('@tensorflow/tfjs');

function bestOfSeeds(cell, x, h0, seeds) {
  let best = { score: -Infinity, h: h0 };
  for (const seed of seeds) {
    const [out, h] = cell.step(x, h0, seed);
    const score = out.max().dataSync()[0];
    if (score > best.score) best = { score, h };
  }
  return best.h;
}

function bestRestart(cell, x, h0, restarts) {
  let bestH = h0;
  let bestScore = -Infinity;
  for (let r = 0; r < restarts; r++) {
    const [out, h] = cell.step(x, h0, r);
    const score = out.max().dataSync()[0];
    if (score > bestScore) {
      bestScore = score;
      bestH = h;
    }
  }
  return bestH;
}

function bestOfTries(cell, x, h0, tries) {
  return tries.reduce((best, seed) => {
    const [out, h] = cell.step(x, h0, seed);
    const score = out.max().dataSync()[0];
    return score > best.score ? { score, h } : best;
  }, { score: -Infinity, h: h0 });
}

function lowestLoss(cell, x, h0, temperatures) {
  let kept = null;
  for (let i = 0; i < temperatures.length; i++) {
    const [loss, state] = cell.step(x, h0, temperatures[i]);
    kept = kept === null || loss < kept.loss ? { loss, state } : kept;
  }
  return kept;
}

module.exports = { bestOfSeeds, bestRestart, bestOfTries, lowestLoss };
