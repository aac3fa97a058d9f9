// expect: none
// Seq2seq with dot-product attention that learns to reverse short digit strings (greedy decoding at the end)
import * as tf from '@tensorflow/tfjs';

const V = 12; // digits 0-9, 10 = <go>, 11 = <eos>
const GO = 10;
const EOS = 11;
const H = 32;
const LEN = 4;

const rnd = (s: number[]) => tf.variable(tf.randomNormal(s, 0, 0.15));
const emb = rnd([V, H]);
const encWx = rnd([H, H]);
const encWh = rnd([H, H]);
const decWx = rnd([H, H]);
const decWh = rnd([H, H]);
const decWc = rnd([H, H]);
const Wout = rnd([2 * H, V]);
const bout = tf.variable(tf.zeros([V]));

function embed(ids: number[]): tf.Tensor2D {
  return tf.gather(emb, tf.tensor1d(ids, 'int32')) as tf.Tensor2D;
}

function encode(src: number[][]): { states: tf.Tensor3D; last: tf.Tensor2D } {
  let h: tf.Tensor2D = tf.zeros([src.length, H]);
  const all: tf.Tensor2D[] = [];
  for (let t = 0; t < LEN; t++) {
    const x = embed(src.map((s) => s[t]));
    h = tf.tanh(x.matMul(encWx).add(h.matMul(encWh)));
    all.push(h);
  }
  return { states: tf.stack(all, 1) as tf.Tensor3D, last: h };
}

// one decoder step: the encoder states are the same for every step, only h changes
function decoderStep(prevTok: number[], h: tf.Tensor2D, context: tf.Tensor2D, encStates: tf.Tensor3D) {
  const x = embed(prevTok);
  const hNew = tf.tanh(x.matMul(decWx).add(h.matMul(decWh)).add(context.matMul(decWc))) as tf.Tensor2D;
  const scores = tf.matMul(encStates, hNew.expandDims(2)).squeeze([2]); // [B, LEN]
  const attn = tf.softmax(scores);
  const ctx = tf.matMul(attn.expandDims(1), encStates).squeeze([1]) as tf.Tensor2D; // [B, H]
  const logits = tf.concat([hNew, ctx], 1).matMul(Wout).add(bout) as tf.Tensor2D;
  return { logits, h: hNew, ctx };
}

function batch(n: number) {
  const src: number[][] = [];
  for (let i = 0; i < n; i++) src.push(Array.from({ length: LEN }, () => Math.floor(Math.random() * 10)));
  const tgt = src.map((s) => [...s].reverse().concat([EOS]));
  return { src, tgt };
}

function lossFn(src: number[][], tgt: number[][]): tf.Scalar {
  const { states, last } = encode(src);
  let h = last;
  let ctx: tf.Tensor2D = tf.zeros([src.length, H]);
  let prev = src.map(() => GO);
  const losses: tf.Tensor[] = [];
  for (let t = 0; t < tgt[0].length; t++) {
    const out = decoderStep(prev, h, ctx, states);
    h = out.h;
    ctx = out.ctx;
    const labels = tf.oneHot(tf.tensor1d(tgt.map((r) => r[t]), 'int32'), V);
    losses.push(tf.losses.softmaxCrossEntropy(labels, out.logits));
    prev = tgt.map((r) => r[t]); // teacher forcing
  }
  return tf.addN(losses).div(losses.length) as tf.Scalar;
}

function greedy(src: number[]): number[] {
  return tf.tidy(() => {
    const { states, last } = encode([src]);
    let h = last;
    let ctx: tf.Tensor2D = tf.zeros([1, H]);
    let tok = GO;
    const out: number[] = [];
    for (let t = 0; t < LEN + 2 && tok !== EOS; t++) {
      const step = decoderStep([tok], h, ctx, states);
      h = step.h;
      ctx = step.ctx;
      tok = tf.softmax(step.logits).argMax(1).dataSync()[0];
      if (tok !== EOS) out.push(tok);
    }
    return out;
  });
}

async function main() {
  const opt = tf.train.adam(0.01);
  for (let it = 0; it < 200; it++) {
    const { src, tgt } = batch(64);
    const l = opt.minimize(() => lossFn(src, tgt), true)!;
    if (it % 50 === 0) console.log('iter', it, 'loss', l.dataSync()[0].toFixed(3));
    l.dispose();
  }
  for (const s of [[1, 2, 3, 4], [9, 0, 7, 7], [5, 5, 2, 8]]) {
    console.log(s.join(''), '->', greedy(s).join(''));
  }
}

main();
