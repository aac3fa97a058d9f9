// expect: tidy-disposed-state
// Tick-by-tick price model: one recurrent state per symbol, updated on every trade print from the feed.
import * as tf from '@tensorflow/tfjs';

const H = 8;

export interface Tick {
  symbol: string;
  price: number;
  size: number;
  ts: number;
}

export class TickModel {
  private readonly wx = tf.randomNormal([3, H], 0, 0.3, 'float32', 11);
  private readonly wh = tf.randomNormal([H, H], 0, 0.3, 'float32', 12);
  private readonly b = tf.zeros([H]);
  private readonly wy = tf.randomNormal([H, 1], 0, 0.3, 'float32', 13);
  private readonly state = new Map<string, tf.Tensor2D>();
  private readonly lastPrice = new Map<string, number>();
  private readonly lastTs = new Map<string, number>();

  onTick(t: Tick): number {
    const prevPrice = this.lastPrice.get(t.symbol) ?? t.price;
    const prevTs = this.lastTs.get(t.symbol) ?? t.ts;
    this.lastPrice.set(t.symbol, t.price);
    this.lastTs.set(t.symbol, t.ts);

    const ret = Math.log(t.price / prevPrice);
    const gapSec = Math.min((t.ts - prevTs) / 1000, 60);
    const h = this.state.get(t.symbol) ?? (tf.zeros([1, H]) as tf.Tensor2D);

    const expected = tf.tidy(() => {
      const x = tf.tensor2d([[ret * 100, Math.log1p(t.size), gapSec / 60]]);
      const hNew = tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)).add(this.b)) as tf.Tensor2D;
      this.state.set(t.symbol, hNew);
      return hNew.matMul(this.wy).dataSync()[0];
    });
    return expected;
  }

  symbols(): string[] {
    return Array.from(this.state.keys());
  }

  close(): void {
    this.state.forEach((s) => s.dispose());
    this.state.clear();
    tf.dispose([this.wx, this.wh, this.b, this.wy]);
  }
}

function* fakeFeed(n: number): Generator<Tick> {
  const px: Record<string, number> = { AAPL: 190, MSFT: 410, NVDA: 880 };
  const names = Object.keys(px);
  let ts = Date.now();
  for (let i = 0; i < n; i++) {
    const symbol = names[i % names.length];
    px[symbol] *= 1 + 0.0005 * Math.sin(i * 1.7);
    ts += 250;
    yield { symbol, price: px[symbol], size: 100 + ((i * 37) % 400), ts };
  }
}

export function runFeed(ticks: number): Map<string, number> {
  const model = new TickModel();
  const last = new Map<string, number>();
  for (const tick of fakeFeed(ticks)) {
    last.set(tick.symbol, model.onTick(tick));
  }
  model.close();
  return last;
}

if (require.main === module) {
  const res = runFeed(30);
  res.forEach((v, k) => console.log(k, v.toFixed(5)));
}
