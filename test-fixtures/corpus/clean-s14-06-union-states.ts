// expect: none
// One streaming decoder that can host either an LSTM or a GRU, with the state kind tracked by a tagged union.
import * as tf from '@tensorflow/tfjs';

export type RnnState =
  | { readonly kind: 'lstm'; readonly h: tf.Tensor; readonly c: tf.Tensor }
  | { readonly kind: 'gru'; readonly h: tf.Tensor };

export interface Params {
  readonly w: tf.Tensor;
  readonly u: tf.Tensor;
  readonly b: tf.Tensor;
}

function gates(p: Params, x: tf.Tensor, h: tf.Tensor, n: number): tf.Tensor[] {
  return tf.split(x.matMul(p.w).add(h.matMul(p.u)).add(p.b), n, 1);
}

export function advance(p: Params, x: tf.Tensor, s: RnnState): RnnState {
  switch (s.kind) {
    case 'lstm': {
      const [i, f, g, o] = gates(p, x, s.h, 4);
      const c = tf.sigmoid(f).mul(s.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c));
      return { kind: 'lstm', h, c };
    }
    case 'gru': {
      const [zx, rx, nx] = tf.split(x.matMul(p.w).add(p.b), 3, 1);
      const [zh, rh, nh] = tf.split(s.h.matMul(p.u), 3, 1);
      const z = tf.sigmoid(zx.add(zh));
      const r = tf.sigmoid(rx.add(rh));
      const n = tf.tanh(nx.add(r.mul(nh)));
      const h = tf.sub(1, z).mul(n).add(z.mul(s.h));
      return { kind: 'gru', h };
    }
  }
}

function tensorsOf(s: RnnState): tf.Tensor[] {
  return s.kind === 'lstm' ? [s.h, s.c] : [s.h];
}

export class Decoder {
  private state: RnnState;

  constructor(private readonly kind: RnnState['kind'], private readonly p: Params, private readonly units: number) {
    this.state = this.fresh();
  }

  private fresh(): RnnState {
    const h = tf.zeros([1, this.units]);
    return this.kind === 'lstm' ? { kind: 'lstm', h, c: tf.zeros([1, this.units]) } : { kind: 'gru', h };
  }

  reset(): void {
    tf.dispose(tensorsOf(this.state));
    this.state = this.fresh();
  }

  feed(x: number[]): number[] {
    const prev = this.state;
    const next = tf.tidy(() => {
      const s = advance(this.p, tf.tensor2d([x]), prev);
      tensorsOf(s).forEach((t) => tf.keep(t));
      return s;
    });
    tf.dispose(tensorsOf(prev));
    this.state = next;
    return Array.from(next.h.dataSync());
  }
}

export function makeParams(kind: RnnState['kind'], inputDim: number, units: number): Params {
  const k = kind === 'lstm' ? 4 : 3;
  return {
    w: tf.randomNormal([inputDim, k * units], 0, 0.3, 'float32', 1),
    u: tf.randomNormal([units, k * units], 0, 0.3, 'float32', 2),
    b: tf.zeros([k * units]),
  };
}

if (require.main === module) {
  for (const kind of ['lstm', 'gru'] as const) {
    const dec = new Decoder(kind, makeParams(kind, 3, 4), 4);
    for (const x of [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) console.log(kind, dec.feed(x));
    dec.reset();
  }
}
