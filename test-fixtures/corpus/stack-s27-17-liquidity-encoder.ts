// expect: stacked-activation
// Encodes a venue's last N minutes of volume / spread into a liquidity vector used by the smart order router.
import * as tf from '@tensorflow/tfjs';

export interface MinuteStat {
  volume: number;
  spreadBp: number;
  trades: number;
}

export interface EncoderConfig {
  units: number;
  seed: number;
}

export class LiquidityEncoder {
  private readonly cfg: EncoderConfig;
  private readonly wIn: tf.Tensor2D;
  private readonly wRec: tf.Tensor2D;
  private readonly bias: tf.Tensor1D;

  constructor(cfg: EncoderConfig = { units: 12, seed: 121 }) {
    this.cfg = cfg;
    this.wIn = tf.randomNormal([3, cfg.units], 0, 0.6, 'float32', cfg.seed);
    this.wRec = tf.randomNormal([cfg.units, cfg.units], 0, 0.4, 'float32', cfg.seed + 1);
    this.bias = tf.zeros([cfg.units]);
  }

  private squash(t: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(t);
  }

  private cell(x: tf.Tensor2D, state: tf.Tensor2D): tf.Tensor2D {
    const prev = this.squash(state);
    const pre = tf.addN([x.matMul(this.wIn), prev.matMul(this.wRec), this.bias.expandDims(0) as tf.Tensor2D]);
    return this.squash(pre as tf.Tensor2D);
  }

  private toInput(m: MinuteStat): tf.Tensor2D {
    return tf.tensor2d([[Math.log1p(m.volume) / 12, m.spreadBp / 10, Math.log1p(m.trades) / 6]]);
  }

  encode(minutes: MinuteStat[]): Float32Array {
    const vec = tf.tidy(() => {
      let state: tf.Tensor2D = tf.zeros([1, this.cfg.units]);
      for (const m of minutes) {
        state = this.cell(this.toInput(m), state);
      }
      return state;
    });
    const out = vec.dataSync() as Float32Array;
    vec.dispose();
    return out;
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

function venueMinutes(base: number, spread: number, n = 30): MinuteStat[] {
  return Array.from({ length: n }, (_, i) => ({
    volume: base * (1 + 0.3 * Math.sin(i / 4)),
    spreadBp: spread * (1 + 0.2 * Math.cos(i / 3)),
    trades: Math.round(base / 500),
  }));
}

if (require.main === module) {
  const enc = new LiquidityEncoder();
  const venues: Record<string, MinuteStat[]> = {
    XNAS: venueMinutes(250_000, 1.2),
    ARCX: venueMinutes(90_000, 2.5),
    IEXG: venueMinutes(20_000, 4.0),
  };
  const vecs = Object.fromEntries(Object.entries(venues).map(([k, v]) => [k, enc.encode(v)]));
  const names = Object.keys(vecs);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      console.log(`${names[i]} vs ${names[j]}: similarity ${cosine(vecs[names[i]], vecs[names[j]]).toFixed(3)}`);
    }
  }
}
