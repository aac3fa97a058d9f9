// expect: none
// Search-box autocomplete worker: a small char-level GRU continues whatever the user has typed so far.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const VOCAB = 'abcdefghijklmnopqrstuvwxyz .,-'.split('');
const HIDDEN = 32;

interface GruParams {
  Wz: tf.Tensor2D; Uz: tf.Tensor2D; bz: tf.Tensor1D;
  Wr: tf.Tensor2D; Ur: tf.Tensor2D; br: tf.Tensor1D;
  Wh: tf.Tensor2D; Uh: tf.Tensor2D; bh: tf.Tensor1D;
  Wo: tf.Tensor2D; bo: tf.Tensor1D;
}

function randomParams(seed = 1): GruParams {
  const V = VOCAB.length;
  const m = (r: number, c: number, s: number) => tf.randomNormal([r, c], 0, 0.3, 'float32', s) as tf.Tensor2D;
  const z = (n: number) => tf.zeros([n]) as tf.Tensor1D;
  return {
    Wz: m(V, HIDDEN, seed), Uz: m(HIDDEN, HIDDEN, seed + 1), bz: z(HIDDEN),
    Wr: m(V, HIDDEN, seed + 2), Ur: m(HIDDEN, HIDDEN, seed + 3), br: z(HIDDEN),
    Wh: m(V, HIDDEN, seed + 4), Uh: m(HIDDEN, HIDDEN, seed + 5), bh: z(HIDDEN),
    Wo: m(HIDDEN, V, seed + 6), bo: z(V),
  };
}

let params: GruParams = randomParams();

export function setParams(p: GruParams): void {
  params = p;
}

function encode(ch: string): tf.Tensor2D {
  const id = Math.max(0, VOCAB.indexOf(ch));
  return tf.oneHot(tf.tensor1d([id], 'int32'), VOCAB.length).toFloat() as tf.Tensor2D;
}

export function gruStep(x: tf.Tensor2D, h: tf.Tensor2D, p: GruParams = params): tf.Tensor2D {
  return tf.tidy(() => {
    const z = tf.sigmoid(x.matMul(p.Wz).add(h.matMul(p.Uz)).add(p.bz));
    const r = tf.sigmoid(x.matMul(p.Wr).add(h.matMul(p.Ur)).add(p.br));
    const candidate = tf.tanh(x.matMul(p.Wh).add(r.mul(h).matMul(p.Uh)).add(p.bh));
    // keep (1 - z) of the old memory, let z of the candidate in
    return tf.sub(1, z).mul(h).add(z.mul(candidate)) as tf.Tensor2D;
  });
}

export function complete(prefix: string, maxChars: number): string {
  let h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
  const advance = (ch: string) => {
    const prev = h;
    tf.tidy(() => {
      h = tf.keep(gruStep(encode(ch), prev));
    });
    prev.dispose();
  };

  for (const ch of prefix.toLowerCase()) advance(ch);

  let out = '';
  for (let i = 0; i < maxChars; i++) {
    const id = tf.tidy(() => {
      const logits = h.matMul(params.Wo).add(params.bo);
      return tf.softmax(logits).argMax(1).dataSync()[0];
    });
    const ch = VOCAB[id];
    if (ch === '.' || ch === ',') break;
    out += ch;
    advance(ch);
  }
  h.dispose();
  return out;
}

let lastQuery = -1;

self.onmessage = (ev: MessageEvent<{ id: number; prefix: string }>) => {
  const { id, prefix } = ev.data;
  lastQuery = id;
  // let the page supersede a query by sending a newer id first
  setTimeout(() => {
    if (id !== lastQuery) return;
    const text = complete(prefix, 12);
    self.postMessage({ id, prefix, suggestion: prefix + text });
  }, 0);
};
