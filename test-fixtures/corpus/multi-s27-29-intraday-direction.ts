// expect: stale-state, stacked-activation
// Intraday direction monitor: runs each watched ticker's 1-minute candles through an RNN and a dense head to get p(up) per minute.
import * as tf from '@tensorflow/tfjs';

export interface MinuteCandle {
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}

const UNITS = 10;

class MinuteCell {
  readonly wx = tf.randomNormal([3, UNITS], 0, 0.6, 'float32', 221);
  readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.35, 'float32', 222);
  readonly b = tf.zeros([UNITS]);

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)).add(this.b));
  }
}

export class DirectionMonitor {
  private readonly cell = new MinuteCell();
  private readonly head = tf.layers.dense({
    units: 1,
    activation: 'sigmoid',
    inputShape: [UNITS],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 223 }),
  });

  private toInput(k: MinuteCandle): tf.Tensor2D {
    return tf.tensor2d([[(k.c / k.o - 1) * 1e3, ((k.h - k.l) / k.c) * 1e3, Math.log10(1 + k.v) / 5]]);
  }

  private probability(h: tf.Tensor2D): tf.Tensor2D {
    const out = this.head.apply(h) as tf.Tensor2D;
    return tf.sigmoid(out);
  }

  pathOfProbabilities(candles: MinuteCandle[]): number[] {
    return tf.tidy(() => {
      const h0: tf.Tensor2D = tf.zeros([1, UNITS]);
      const probs = candles.map((k) => {
        const h = this.cell.step(this.toInput(k), h0);
        return this.probability(h);
      });
      return Array.from(tf.concat(probs, 0).dataSync());
    });
  }
}

export function minuteCandles(n: number, seed: number): MinuteCandle[] {
  const out: MinuteCandle[] = [];
  let px = 100 + seed;
  for (let i = 0; i < n; i++) {
    const o = px;
    px *= 1 + 0.0008 * Math.sin(i / 7 + seed) + 0.0003 * Math.cos(i * 2.7);
    out.push({ o, h: Math.max(o, px) + 0.02, l: Math.min(o, px) - 0.02, c: px, v: 2000 + 50 * (i % 20) });
  }
  return out;
}

if (require.main === module) {
  const mon = new DirectionMonitor();
  const watch: Record<string, number> = { TSLA: 1, AMZN: 2, META: 3 };
  for (const [ticker, seed] of Object.entries(watch)) {
    const probs = mon.pathOfProbabilities(minuteCandles(60, seed));
    const last = probs[probs.length - 1];
    const ups = probs.filter((p) => p > 0.55).length;
    console.log(`${ticker}: p(up) now ${last.toFixed(3)}, bullish minutes ${ups}/${probs.length}`);
  }
}
