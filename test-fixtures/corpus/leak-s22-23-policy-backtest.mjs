// expect: state-leak
// Backtests the recurrent position-sizing policy on each symbol's daily bars and reports per-symbol PnL.
import * as tf from '@tensorflow/tfjs';

class RecurrentPolicy {
  constructor(units = 8) {
    this.units = units;
    this.kernel = tf.randomNormal([3 + units, 4 * units], 0, 0.3, 'float32', 171);
    this.bias = tf.zeros([4 * units]);
    this.wPos = tf.randomNormal([units, 1], 0, 0.5, 'float32', 172);
    this.memory = { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
  }

  act(features) {
    const { h, c } = this.memory;
    const next = tf.tidy(() => {
      const x = tf.tensor2d([features]);
      const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(this.kernel).add(this.bias), 4, 1);
      const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
      return { h: hNew, c: cNew, pos: tf.tanh(hNew.matMul(this.wPos)) };
    });
    tf.dispose([h, c]);
    this.memory = { h: next.h, c: next.c };
    const pos = next.pos.dataSync()[0];
    next.pos.dispose();
    return pos;
  }

  dispose() {
    tf.dispose([this.kernel, this.bias, this.wPos, this.memory.h, this.memory.c]);
  }
}

function features(bars, t) {
  const r1 = Math.log(bars[t].close / bars[t - 1].close);
  const r20 = Math.log(bars[t].close / bars[t - 20].close);
  const range = (bars[t].high - bars[t].low) / bars[t].close;
  return [r1 * 50, r20 * 10, range * 50];
}

function runEpisode(policy, bars) {
  const book = { cash: 10_000, units: 0 };
  for (let t = 20; t < bars.length - 1; t++) {
    const target = policy.act(features(bars, t));
    const price = bars[t].close;
    const equity = book.cash + book.units * price;
    const wanted = (target * equity) / price;
    book.cash -= (wanted - book.units) * price;
    book.units = wanted;
  }
  const lastPrice = bars[bars.length - 1].close;
  return +(book.cash + book.units * lastPrice - 10_000).toFixed(2);
}

export function backtest(universe) {
  const policy = new RecurrentPolicy();
  const report = {};
  for (const [symbol, bars] of Object.entries(universe)) {
    report[symbol] = runEpisode(policy, bars);
  }
  policy.dispose();
  return report;
}

export function makeBars(seed, n = 120) {
  const bars = [];
  let px = 50 + seed * 10;
  for (let t = 0; t < n; t++) {
    px *= 1 + 0.012 * Math.sin(t / (5 + seed)) + 0.002 * Math.cos(t * seed);
    bars.push({ close: px, high: px * 1.01, low: px * 0.99 });
  }
  return bars;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = backtest({ XLE: makeBars(1), XLK: makeBars(2), XLU: makeBars(3) });
  console.log(report, 'tensors', tf.memory().numTensors);
}
