// expect: unused-hidden-state
// Per-ticker recurrent momentum scorer: every closed bar updates that ticker's state and yields a 0..1 score.
import * as tf from '@tensorflow/tfjs';

export interface Bar {
  ticker: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const FEATURES = 4;
const UNITS = 8;

function barFeatures(bar: Bar, prevClose: number): tf.Tensor2D {
  const ret = prevClose > 0 ? (bar.close - prevClose) / prevClose : 0;
  const range = bar.close > 0 ? (bar.high - bar.low) / bar.close : 0;
  const body = bar.close > 0 ? (bar.close - bar.open) / bar.close : 0;
  const vol = Math.log1p(bar.volume) / 20;
  return tf.tensor2d([[ret * 100, range * 100, body * 100, vol]]);
}

export class MomentumScorer {
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;
  private readonly b: tf.Variable;
  private readonly wOut: tf.Variable;
  private readonly states = new Map<string, tf.Tensor2D>();
  private readonly lastClose = new Map<string, number>();

  constructor(seed = 7) {
    this.wx = tf.variable(tf.randomNormal([FEATURES, UNITS], 0, 0.4, 'float32', seed));
    this.wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([UNITS]));
    this.wOut = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 2));
  }

  private cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const xPart = tf.matMul(x, this.wx);
      const hPart = tf.matMul(h, this.wh);
      const pre = tf.add(xPart, this.b);
      if (hPart.shape[1] !== pre.shape[1]) {
        throw new Error(`state width ${hPart.shape[1]} != ${pre.shape[1]}`);
      }
      return tf.tanh(pre) as tf.Tensor2D;
    });
  }

  update(bar: Bar): number {
    const prevClose = this.lastClose.get(bar.ticker) ?? bar.open;
    this.lastClose.set(bar.ticker, bar.close);

    const x = barFeatures(bar, prevClose);
    const h = this.states.get(bar.ticker) ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);
    const hNew = this.cell(x, h);
    this.states.set(bar.ticker, hNew);
    h.dispose();
    x.dispose();

    const score = tf.tidy(() => tf.sigmoid(tf.matMul(hNew, this.wOut)));
    const value = score.dataSync()[0];
    score.dispose();
    return value;
  }

  drop(ticker: string): void {
    this.states.get(ticker)?.dispose();
    this.states.delete(ticker);
    this.lastClose.delete(ticker);
  }

  get trackedTickers(): string[] {
    return [...this.states.keys()];
  }
}

function fakeBars(ticker: string, n: number, drift: number): Bar[] {
  const bars: Bar[] = [];
  let px = 100;
  for (let i = 0; i < n; i++) {
    const open = px;
    px = px * (1 + drift + 0.01 * Math.sin(i * 1.7 + ticker.length));
    bars.push({
      ticker,
      open,
      high: Math.max(open, px) * 1.002,
      low: Math.min(open, px) * 0.998,
      close: px,
      volume: 1e5 + 5e3 * i,
    });
  }
  return bars;
}

if (require.main === module) {
  const scorer = new MomentumScorer();
  const feed = [...fakeBars('AAPL', 30, 0.002), ...fakeBars('MSFT', 30, -0.001)];
  for (const bar of feed) {
    const s = scorer.update(bar);
    if (s > 0.7 || s < 0.3) {
      console.log(`${bar.ticker} close=${bar.close.toFixed(2)} score=${s.toFixed(3)}`);
    }
  }
  console.log('tracked:', scorer.trackedTickers.join(', '));
}
