// expect: none
// Receipt OCR: attention decoder that reads encoded image columns (with a padding mask) and greedily emits characters.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = ['<s>', '</s>', ...'0123456789.,$ abcdefghijklmnopqrstuvwxyz'.split('')];
const BOS = 0;
const EOS = 1;

export interface DecoderWeights {
  charEmb: tf.Tensor2D; // [V, E]
  wMem: tf.Tensor2D; // [M, A]
  wQuery: tf.Tensor2D; // [H, A]
  vAtt: tf.Tensor2D; // [A, 1]
  wIn: tf.Tensor2D; // [E + M, H]
  wRec: tf.Tensor2D; // [H, H]
  bRec: tf.Tensor1D; // [H]
  wOut: tf.Tensor2D; // [H, V]
}

export function randomDecoder(memDim: number, hidden = 32, embDim = 16, attDim = 24): DecoderWeights {
  const r = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 0.3, 'float32', seed);
  return {
    charEmb: r([ALPHABET.length, embDim], 1) as tf.Tensor2D,
    wMem: r([memDim, attDim], 2) as tf.Tensor2D,
    wQuery: r([hidden, attDim], 3) as tf.Tensor2D,
    vAtt: r([attDim, 1], 4) as tf.Tensor2D,
    wIn: r([embDim + memDim, hidden], 5) as tf.Tensor2D,
    wRec: r([hidden, hidden], 6) as tf.Tensor2D,
    bRec: tf.zeros([hidden]),
    wOut: r([hidden, ALPHABET.length], 7) as tf.Tensor2D,
  };
}

/** Additive attention; padded columns get -1e9 before the softmax. */
function attend(w: DecoderWeights, memory: tf.Tensor3D, memKeys: tf.Tensor3D, mask: tf.Tensor2D, h: tf.Tensor2D) {
  const q = tf.matMul(h, w.wQuery).expandDims(1); // [1, 1, A]
  const energy = tf.tanh(memKeys.add(q)); // [1, T, A]
  const [b, t, a] = energy.shape;
  const scores = tf.matMul(energy.reshape([b * t, a]), w.vAtt).reshape([b, t]);
  const masked = tf.where(mask.cast('bool'), scores, tf.fill([b, t], -1e9));
  const alpha = tf.softmax(masked); // [1, T]
  const context = tf.matMul(alpha.expandDims(1), memory).squeeze([1]) as tf.Tensor2D; // [1, M]
  return { context, alpha };
}

function decoderStep(w: DecoderWeights, prevChar: number, h: tf.Tensor2D, memory: tf.Tensor3D, memKeys: tf.Tensor3D, mask: tf.Tensor2D) {
  return tf.tidy(() => {
    const { context } = attend(w, memory, memKeys, mask, h);
    const y = tf.gather(w.charEmb, [prevChar]);
    const inp = tf.concat([y, context], 1);
    const hNext = tf.tanh(tf.matMul(inp, w.wIn).add(tf.matMul(h, w.wRec)).add(w.bRec)) as tf.Tensor2D;
    const logits = tf.matMul(hNext, w.wOut);
    return { hNext, next: logits.argMax(1).dataSync()[0] };
  });
}

export function greedyDecode(w: DecoderWeights, memory: tf.Tensor3D, mask: tf.Tensor2D, maxLen = 20): string {
  const hidden = w.wRec.shape[0];
  const memKeys = tf.tidy(() => {
    const [b, t, m] = memory.shape;
    return tf.matMul(memory.reshape([b * t, m]), w.wMem).reshape([b, t, -1]) as tf.Tensor3D;
  });
  let h: tf.Tensor2D = tf.zeros([1, hidden]);
  let prev = BOS;
  const out: string[] = [];
  for (let i = 0; i < maxLen; i++) {
    const { hNext, next } = decoderStep(w, prev, h, memory, memKeys, mask);
    h.dispose();
    h = hNext;
    if (next === EOS) break;
    out.push(ALPHABET[next]);
    prev = next;
  }
  tf.dispose([h, memKeys]);
  return out.join('');
}

if (require.main === module) {
  const cols = 14;
  const valid = 10;
  const memory = tf.randomNormal([1, cols, 20], 0, 1, 'float32', 99) as tf.Tensor3D;
  const mask = tf.tensor2d([Array.from({ length: cols }, (_, i) => (i < valid ? 1 : 0))]);
  const w = randomDecoder(20);
  console.log('decoded:', JSON.stringify(greedyDecode(w, memory, mask)));
  console.log('tensors:', tf.memory().numTensors);
}
