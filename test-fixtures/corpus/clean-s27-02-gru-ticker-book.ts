// expect: none
// Keeps one GRU state per instrument and refreshes it on every closed candle to publish a trend probability.
import * as tf from '@tensorflow/tfjs';

type Candle = { symbol: string; close: number; volume: number; spread: number };

const IN = 3;
const H = 6;

interface GruParams {
  wz: tf.Variable; uz: tf.Variable; bz: tf.Variable;
  wr: tf.Variable; ur: tf.Variable; br: tf.Variable;
  wc: tf.Variable; uc: tf.Variable; bc: tf.Variable;
  wy: tf.Variable;
}

function initParams(): GruParams {
  const w = (r: number, c: number, s: number) => tf.variable(tf.randomNormal([r, c], 0, 0.3, 'float32', s));
  const z = () => tf.variable(tf.zeros([H]));
  return {
    wz: w(IN, H, 1), uz: w(H, H, 2), bz: z(),
    wr: w(IN, H, 3), ur: w(H, H, 4), br: z(),
    wc: w(IN, H, 5), uc: w(H, H, 6), bc: z(),
    wy: w(H, 1, 7),
  };
}

function gruStep(p: GruParams, x: tf.Tensor2D, h: tf.Tensor2D): { h: tf.Tensor2D; prob: tf.Tensor2D } {
  return tf.tidy(() => {
    const z = tf.sigmoid(x.matMul(p.wz).add(h.matMul(p.uz)).add(p.bz));
    const r = tf.sigmoid(x.matMul(p.wr).add(h.matMul(p.ur)).add(p.br));
    const cand = tf.tanh(x.matMul(p.wc).add(r.mul(h).matMul(p.uc)).add(p.bc));
    const next = tf.sub(1, z).mul(h).add(z.mul(cand)) as tf.Tensor2D;
    const prob = tf.sigmoid(next.matMul(p.wy)) as tf.Tensor2D;
    return { h: next, prob };
  });
}

export class TrendBook {
  private readonly params = initParams();
  private readonly book = new Map<string, { h: tf.Tensor2D; lastClose: number }>();

  onCandle(c: Candle): number {
    const entry = this.book.get(c.symbol);
    const prevClose = entry ? entry.lastClose : c.close;
    const h = entry ? entry.h : (tf.zeros([1, H]) as tf.Tensor2D);
    const x = tf.tensor2d([[(c.close / prevClose - 1) * 100, Math.log1p(c.volume) / 15, c.spread * 1e4]]);

    const { h: next, prob } = gruStep(this.params, x, h);
    h.dispose();
    x.dispose();
    this.book.set(c.symbol, { h: next, lastClose: c.close });

    const p = prob.dataSync()[0];
    prob.dispose();
    return p;
  }

  snapshot(symbol: string): number[] | undefined {
    const entry = this.book.get(symbol);
    return entry ? Array.from(entry.h.dataSync()) : undefined;
  }

  close(): void {
    for (const { h } of this.book.values()) h.dispose();
    this.book.clear();
  }
}

if (require.main === module) {
  const tb = new TrendBook();
  const symbols = ['BTCUSD', 'ETHUSD', 'SOLUSD'];
  const px: Record<string, number> = { BTCUSD: 60000, ETHUSD: 3000, SOLUSD: 150 };
  for (let t = 0; t < 40; t++) {
    for (const [k, s] of symbols.entries()) {
      px[s] *= 1 + 0.004 * Math.sin(t / 3 + 2 * k) + 0.002 * k * Math.cos(t);
      const p = tb.onCandle({ symbol: s, close: px[s], volume: 1000 + t * 10, spread: 0.0002 });
      if (t % 10 === 9) console.log(`${t} ${s} p(up)=${p.toFixed(3)}`);
    }
  }
  console.log('BTC state', tb.snapshot('BTCUSD')?.map((v) => v.toFixed(2)).join(' '));
  console.log('live tensors', tf.memory().numTensors);
  tb.close();
}
