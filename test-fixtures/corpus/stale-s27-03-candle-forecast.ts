// expect: stale-state
// Runs a small RNN over a symbol's most recent hourly candles and forecasts the next hour's return in basis points.
import * as tf from '@tensorflow/tfjs';

export interface Candle {
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
}

const UNITS = 10;

export class CandleForecaster {
  readonly wx = tf.variable(tf.randomNormal([3, UNITS], 0, 0.5, 'float32', 11));
  readonly wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.25, 'float32', 12));
  readonly bh = tf.variable(tf.zeros([UNITS]));
  readonly wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 13));
  readonly by = tf.variable(tf.zeros([1]));

  /** state after the last processed candle, shown on the debug panel */
  lastHidden: tf.Tensor2D | null = null;

  private encode(prev: Candle, cur: Candle): tf.Tensor2D {
    return tf.tensor2d([[
      (cur.c / prev.c - 1) * 100,
      (cur.h - cur.l) / cur.c * 100,
      (cur.c - cur.o) / cur.c * 100,
    ]]);
  }

  private step(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; hNext: tf.Tensor2D } {
    const hNext = tf.tanh(tf.addN([tf.matMul(x, this.wx), tf.matMul(h, this.wh), this.bh.expandDims(0)])) as tf.Tensor2D;
    const y = tf.add(tf.matMul(hNext, this.wy), this.by) as tf.Tensor2D;
    return { y, hNext };
  }

  forecast(candles: Candle[]): number {
    if (candles.length < 2) throw new Error('need at least two candles');
    const bp = tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([1, UNITS]);
      let y: tf.Tensor2D = tf.zeros([1, 1]);
      for (let i = 1; i < candles.length; i++) {
        const x = this.encode(candles[i - 1], candles[i]);
        const out = this.step(x, h);
        y = out.y;
        this.lastHidden?.dispose();
        this.lastHidden = tf.keep(out.hNext.clone());
      }
      return y.mul(100);
    });
    const v = bp.dataSync()[0];
    bp.dispose();
    return v;
  }
}

export function syntheticCandles(n: number, seed: number): Candle[] {
  const out: Candle[] = [];
  let px = 50 + seed;
  for (let i = 0; i < n; i++) {
    const o = px;
    px *= 1 + 0.003 * Math.sin(i * 0.9 + seed) + 0.001 * Math.cos(i * 2.3);
    out.push({ t: i * 3600, o, h: Math.max(o, px) * 1.001, l: Math.min(o, px) * 0.999, c: px });
  }
  return out;
}

if (require.main === module) {
  const f = new CandleForecaster();
  for (const seed of [1, 2, 3]) {
    const candles = syntheticCandles(48, seed);
    console.log(`seed ${seed}: next-hour forecast ${f.forecast(candles).toFixed(2)} bp`);
  }
  console.log('debug state:', f.lastHidden?.dataSync().slice(0, 4));
}
