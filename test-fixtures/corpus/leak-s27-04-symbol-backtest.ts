// expect: state-leak
// Backtests a recurrent next-day direction signal over a basket of symbols and reports hit rate and signals per symbol.
import * as tf from '@tensorflow/tfjs';

export interface SymbolResult {
  hitRate: number;
  signals: number[];
}

export interface SignalCell {
  units: number;
  step(x: tf.Tensor2D, h: tf.Tensor2D): { h: tf.Tensor2D; signal: number };
}

export function makeCell(units = 12, seed = 3): SignalCell {
  const wx = tf.randomNormal([2, units], 0, 0.6, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.35, 'float32', seed + 1);
  const wo = tf.randomNormal([units, 1], 0, 0.6, 'float32', seed + 2);
  return {
    units,
    step(x, h) {
      const next = tf.tidy(() => tf.tanh(x.matMul(wx).add(h.matMul(wh)))) as tf.Tensor2D;
      const s = tf.tidy(() => next.matMul(wo).tanh());
      const signal = s.dataSync()[0];
      s.dispose();
      return { h: next, signal };
    },
  };
}

function features(closes: number[], t: number): tf.Tensor2D {
  const r1 = closes[t] / closes[t - 1] - 1;
  const r5 = t >= 5 ? closes[t] / closes[t - 5] - 1 : r1;
  return tf.tensor2d([[r1 * 100, r5 * 20]]);
}

export function backtest(cell: SignalCell, history: Record<string, number[]>): Record<string, SymbolResult> {
  const results: Record<string, SymbolResult> = {};
  let h = tf.zeros([1, cell.units]) as tf.Tensor2D;

  for (const [symbol, closes] of Object.entries(history)) {
    let hits = 0;
    let trades = 0;
    const signals: number[] = [];
    for (let t = 1; t < closes.length - 1; t++) {
      const x = features(closes, t);
      const { h: next, signal } = cell.step(x, h);
      x.dispose();
      h.dispose();
      h = next;
      signals.push(signal);
      if (Math.abs(signal) < 0.1) continue;
      const realised = closes[t + 1] - closes[t];
      trades++;
      if (Math.sign(realised) === Math.sign(signal)) hits++;
    }
    results[symbol] = { hitRate: trades ? hits / trades : 0, signals };
  }
  h.dispose();
  return results;
}

export function randomWalk(n: number, seed: number, start = 100): number[] {
  let s = seed;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const out = [start];
  for (let i = 1; i < n; i++) out.push(out[i - 1] * (1 + 0.02 * rnd()));
  return out;
}

if (require.main === module) {
  const cell = makeCell();
  const basket: Record<string, number[]> = {
    SPY: randomWalk(250, 17),
    QQQ: randomWalk(250, 91),
    IWM: randomWalk(250, 123),
    TLT: randomWalk(250, 777, 90),
  };
  const res = backtest(cell, basket);
  for (const [sym, r] of Object.entries(res)) {
    console.log(`${sym}: hit rate ${(r.hitRate * 100).toFixed(1)}% over ${r.signals.length} days`);
  }
}
