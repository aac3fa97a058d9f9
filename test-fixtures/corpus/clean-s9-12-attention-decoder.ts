// expect: none
// toy attention decoder (Bahdanau style) for my "reverse the digits" seq2seq demo; random weights until training is ported
import * as tf from '@tensorflow/tfjs';

const H = 16;
const E = 8;
const V = 12; // 0-9, <s>, </s>
const SOS = 10;
const EOS = 11;
const MAX_SRC = 8;

const r = (shape: number[], s = 0.4) => tf.randomNormal(shape, 0, s);
const W = {
  emb: r([V, E]),
  encWx: r([E, H]), encWh: r([H, H]), encB: tf.zeros([H]),
  attWq: r([H, H]), attWk: r([H, H]), attV: r([H, 1]),
  decWx: r([E + H, H]), decWh: r([H, H]), decB: tf.zeros([H]),
  outW: r([2 * H, V]), outB: tf.zeros([V]),
};

function embed(tok: number): tf.Tensor2D {
  return tf.gather(W.emb, [tok]) as tf.Tensor2D;
}

// returns encoder outputs, one row per source position: [MAX_SRC, H]
function encode(tokens: number[]): tf.Tensor2D {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  const rows: tf.Tensor2D[] = [];
  for (const tok of tokens) {
    h = tf.tanh(embed(tok).matMul(W.encWx).add(h.matMul(W.encWh)).add(W.encB)) as tf.Tensor2D;
    rows.push(h);
  }
  return tf.concat(rows, 0);
}

function attend(s: tf.Tensor2D, encOut: tf.Tensor2D, mask: tf.Tensor1D) {
  const T = encOut.shape[0];
  const scores = tf.tanh(encOut.matMul(W.attWk).add(s.matMul(W.attWq))).matMul(W.attV).reshape([1, T]);
  const masked = scores.add(tf.sub(1, mask).mul(-1e9));
  const weights = tf.softmax(masked) as tf.Tensor2D;
  const context = weights.matMul(encOut) as tf.Tensor2D;
  return { context, weights };
}

function decodeStep(prevTok: number, s: tf.Tensor2D, encOut: tf.Tensor2D, mask: tf.Tensor1D) {
  const x = embed(prevTok);
  const { context, weights } = attend(s, encOut, mask);
  const sNew = tf.tanh(tf.concat([x, context], 1).matMul(W.decWx).add(s.matMul(W.decWh)).add(W.decB)) as tf.Tensor2D;
  const logits = tf.concat([sNew, context], 1).matMul(W.outW).add(W.outB);
  return { logits, s: sNew, weights };
}

export function greedyDecode(src: number[], maxLen = 10, trace = false): number[] {
  return tf.tidy(() => {
    const padded = src.concat(new Array(MAX_SRC - src.length).fill(EOS));
    const mask = tf.tensor1d(padded.map((_, i) => (i < src.length ? 1 : 0)));
    const encOut = encode(padded);
    let s = encOut.slice([src.length - 1, 0], [1, H]) as tf.Tensor2D;
    let tok = SOS;
    const out: number[] = [];
    for (let i = 0; i < maxLen; i++) {
      const step = decodeStep(tok, s, encOut, mask);
      s = step.s;
      tok = step.logits.argMax(1).dataSync()[0];
      if (trace) {
        const w = Array.from(step.weights.dataSync()).map(v => v.toFixed(2));
        console.log(`  step ${i} tok=${tok} |s|=${s.norm().dataSync()[0].toFixed(3)} attn=[${w.join(' ')}]`);
      }
      if (tok === EOS) break;
      out.push(tok);
    }
    return out;
  });
}

if (require.main === module) {
  const examples = [[1, 2, 3], [4, 5, 6, 7], [9, 8], [3, 3, 1, 0, 2]];
  examples.forEach((src, k) => {
    const res = greedyDecode(src, 10, k === 0);
    console.log(src.join(''), '->', res.join(','));
  });
  console.log('tensors after decoding:', tf.memory().numTensors);
}
