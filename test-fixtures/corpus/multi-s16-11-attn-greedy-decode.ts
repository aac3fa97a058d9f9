// expect: stale-state, stacked-activation
// greedy decoding with dot-product attention over an RNN encoder (inference half of the attention notebook)
import * as tf from '@tensorflow/tfjs';

const V = 10;
const E = 8;
const H = 16;
const bos = 0;
const eos = 1;

const seeded = (shape: number[], seed: number, std = 0.4) => tf.randomNormal(shape, 0, std, 'float32', seed);
const params = {
  emb: seeded([V, E], 1, 1.0),
  enc_W: seeded([E, H], 2), enc_U: seeded([H, H], 3), enc_b: tf.zeros([H]),
  dec_W: seeded([E + H, H], 4), dec_U: seeded([H, H], 5), dec_b: tf.zeros([H]),
  out_W: seeded([2 * H, V], 6), out_b: tf.zeros([V]),
};

function embed(ids: number[]): tf.Tensor2D {
  return tf.gather(params.emb, tf.tensor1d(ids, 'int32')) as tf.Tensor2D;
}

function encode(src: number[][]): { memory: tf.Tensor3D; h_last: tf.Tensor2D } {
  let h: tf.Tensor2D = tf.zeros([src.length, H]);
  const outs: tf.Tensor2D[] = [];
  for (let t = 0; t < src[0].length; t++) {
    h = tf.tanh(tf.add(tf.add(tf.matMul(embed(src.map((s) => s[t])), params.enc_W), tf.matMul(h, params.enc_U)), params.enc_b));
    outs.push(h);
  }
  return { memory: tf.stack(outs, 1) as tf.Tensor3D, h_last: h };
}

// scaled dot-product scores, normalised over source positions
function score(q: tf.Tensor2D, K: tf.Tensor3D): tf.Tensor2D {
  const s = tf.sum(tf.mul(K, tf.expandDims(q, 1)), 2);
  return tf.softmax(tf.div(s, Math.sqrt(H)));
}

function attend(q: tf.Tensor2D, K: tf.Tensor3D): { ctx: tf.Tensor2D; alpha: tf.Tensor2D } {
  const alpha: tf.Tensor2D = tf.softmax(score(q, K));
  const ctx = tf.sum(tf.mul(K, tf.expandDims(alpha, 2)), 1) as tf.Tensor2D;
  return { ctx, alpha };
}

function decoder_step(tok: number[], h: tf.Tensor2D, memory: tf.Tensor3D) {
  const { ctx, alpha } = attend(h, memory);
  const inp = tf.concat([embed(tok), ctx], 1);
  const h_next: tf.Tensor2D = tf.tanh(tf.add(tf.add(tf.matMul(inp, params.dec_W), tf.matMul(h, params.dec_U)), params.dec_b));
  const logits = tf.add(tf.matMul(tf.concat([h_next, ctx], 1), params.out_W), params.out_b) as tf.Tensor2D;
  return { logits, h_next, alpha };
}

function greedy_decode(src: number[][], max_len: number) {
  return tf.tidy(() => {
    const { memory, h_last } = encode(src);
    let h = h_last;
    let tok = src.map(() => bos);
    const hyps: number[][] = src.map(() => []);
    const alphas: number[][] = [];
    for (let t = 0; t < max_len; t++) {
      const { logits, h_next, alpha } = decoder_step(tok, h_last, memory);
      h = h_next;
      tok = Array.from(tf.argMax(logits, 1).dataSync());
      tok.forEach((w, b) => hyps[b].push(w));
      alphas.push(Array.from(alpha.dataSync().slice(0, src[0].length)));
      if (tok.every((w) => w === eos)) break;
    }
    return { hyps, alphas, h_norm: tf.norm(h).dataSync()[0] };
  });
}

const src = [
  [2, 5, 7, 3, 9, 4],
  [8, 8, 2, 6, 3, 5],
];
const { hyps, alphas, h_norm } = greedy_decode(src, 8);
hyps.forEach((hyp, b) => console.log(`src ${src[b].join(' ')}  ->  ${hyp.join(' ')}`));

// numeric checks: attention rows sum to one, report sharpness (max weight) per step
alphas.forEach((a, t) => {
  const sum = a.reduce((x, y) => x + y, 0);
  console.log(`t=${t} sum(alpha)=${sum.toFixed(4)} max(alpha)=${Math.max(...a).toFixed(4)}`);
});
console.log('final decoder |h| =', h_norm.toFixed(4), ' tensors:', tf.memory().numTensors);
