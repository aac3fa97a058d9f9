// expect: tidy-disposed-state
// Streams trade ticks into per-symbol recurrent states and returns a live unusual-activity score for each tick.
import * as tf from '@tensorflow/tfjs';

export interface Tick {
  symbol: string;
  price: number;
  size: number;
  side: 'B' | 'S';
  ts: number;
}

const U = 8;

export class TickScorer {
  private readonly wx = tf.randomNormal([4, U], 0, 0.5, 'float32', 41);
  private readonly wh = tf.randomNormal([U, U], 0, 0.3, 'float32', 42);
  private readonly wo = tf.randomNormal([U, 1], 0, 0.7, 'float32', 43);
  private readonly states = new Map<string, tf.Tensor2D>();
  private readonly last = new Map<string, Tick>();

  private features(t: Tick): number[] {
    const prev = this.last.get(t.symbol);
    const ret = prev ? (t.price / prev.price - 1) * 1e4 : 0;
    const gap = prev ? Math.min((t.ts - prev.ts) / 1000, 10) : 10;
    return [ret, Math.log10(1 + t.size), t.side === 'B' ? 1 : -1, gap / 10];
  }

  score(tick: Tick): number {
    const feats = this.features(tick);
    this.last.set(tick.symbol, tick);
    const s = tf.tidy(() => {
      const prev = this.states.get(tick.symbol) ?? tf.zeros([1, U]);
      const x = tf.tensor2d([feats]);
      const h = tf.tanh(x.matMul(this.wx).add(prev.matMul(this.wh))) as tf.Tensor2D;
      this.states.set(tick.symbol, h);
      return tf.sigmoid(h.matMul(this.wo)).asScalar();
    });
    const v = s.dataSync()[0];
    s.dispose();
    return v;
  }

  forget(symbol: string): void {
    this.states.get(symbol)?.dispose();
    this.states.delete(symbol);
    this.last.delete(symbol);
  }
}

export function* replayTape(n: number): Generator<Tick> {
  const symbols = ['NVDA', 'AMD', 'INTC'];
  const px: Record<string, number> = { NVDA: 120, AMD: 160, INTC: 30 };
  for (let i = 0; i < n; i++) {
    const symbol = symbols[i % symbols.length];
    px[symbol] *= 1 + 0.0005 * Math.sin(i * 0.7);
    yield {
      symbol,
      price: px[symbol],
      size: 100 * (1 + (i % 9)),
      side: i % 3 === 0 ? 'S' : 'B',
      ts: 1_700_000_000_000 + i * 250,
    };
  }
}

if (require.main === module) {
  const scorer = new TickScorer();
  let alerts = 0;
  for (const tick of replayTape(60)) {
    const s = scorer.score(tick);
    if (s > 0.85) {
      alerts++;
      console.log(`ALERT ${tick.symbol} @${tick.price.toFixed(2)} x${tick.size} score=${s.toFixed(3)}`);
    }
  }
  console.log(`${alerts} alerts`);
}
