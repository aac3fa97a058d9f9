// expect: none
// Embeds variable-length shopping sessions in padded batches (masking padded steps) for a "similar sessions" index.
import * as tf from '@tensorflow/tfjs';

export type Session = { id: string; items: number[] };
type Batch = { ids: string[]; tokens: tf.Tensor2D; mask: tf.Tensor2D };

const UNITS = 16;
const CATALOG = 500;

const W = tf.tidy(() => ({
  emb: tf.keep(tf.randomNormal([CATALOG, 12], 0, 0.3, 'float32', 1)),
  wx: tf.keep(tf.randomNormal([12, UNITS], 0, 0.3, 'float32', 2)),
  wh: tf.keep(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 3)),
}));

async function* padded(sessions: AsyncIterable<Session>, size = 4): AsyncGenerator<Batch> {
  let buf: Session[] = [];
  const flush = (): Batch => {
    const T = Math.max(...buf.map((s) => s.items.length));
    const pad = (s: Session) => [...s.items, ...Array<number>(T - s.items.length).fill(0)];
    const m = (s: Session) => Array.from({ length: T }, (_, t) => (t < s.items.length ? 1 : 0));
    const out = { ids: buf.map((s) => s.id), tokens: tf.tensor2d(buf.map(pad), undefined, 'int32'), mask: tf.tensor2d(buf.map(m)) };
    buf = [];
    return out;
  };
  for await (const s of sessions) {
    buf.push(s);
    if (buf.length === size) yield flush();
  }
  if (buf.length) yield flush();
}

/** Runs the RNN; padded steps leave the state untouched so each row ends at its own last real item. */
function encode({ tokens, mask }: Batch): tf.Tensor2D {
  return tf.tidy(() => {
    const [b, T] = tokens.shape;
    let h: tf.Tensor2D = tf.zeros([b, UNITS]);
    for (let t = 0; t < T; t++) {
      const xt = tf.gather(W.emb, tokens.slice([0, t], [-1, 1]).squeeze([1])) as tf.Tensor2D;
      const hNew = tf.tanh(tf.add(tf.matMul(xt, W.wx), tf.matMul(h, W.wh))) as tf.Tensor2D;
      const keep = mask.slice([0, t], [-1, 1]).cast('bool').tile([1, UNITS]);
      h = tf.where(keep, hNew, h);
    }
    return h;
  });
}

export async function buildIndex(source: AsyncIterable<Session>) {
  const index = new Map<string, Float32Array>();
  for await (const batch of padded(source)) {
    const vecs = encode(batch);
    const rows = (await vecs.array()) as number[][];
    batch.ids.forEach((id, i) => index.set(id, Float32Array.from(rows[i] ?? [])));
    tf.dispose([vecs, batch.tokens, batch.mask]);
  }
  return index;
}

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0, na = 0, nb = 0;
  a.forEach((v, i) => { dot += v * (b[i] ?? 0); na += v * v; nb += (b[i] ?? 0) ** 2; });
  return dot / (Math.sqrt(na * nb) || 1);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const sessions: Session[] = [
    { id: 's1', items: [12, 40, 41] },
    { id: 's2', items: [12, 40, 41, 7, 7, 9] },
    { id: 's3', items: [300, 301] },
    { id: 's4', items: [12, 40, 41] },
    { id: 's5', items: [88] },
  ];
  async function* stream() { for (const s of sessions) yield s; }
  const index = await buildIndex(stream());
  // s1 and s4 land in different batches with different padding but must embed identically
  console.log('cos(s1, s4) =', cosine(index.get('s1')!, index.get('s4')!).toFixed(6));
  console.log('cos(s1, s2) =', cosine(index.get('s1')!, index.get('s2')!).toFixed(6));
  console.log('tensors:', tf.memory().numTensors);
}
