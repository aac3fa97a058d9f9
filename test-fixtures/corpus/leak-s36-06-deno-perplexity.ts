// expect: state-leak
// Deno script: per-file character perplexity under a pre-trained char-level GRU (weights from JSON).
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface GruWeights {
  vocab: string;
  hidden: number;
  wz: number[][]; uz: number[][]; bz: number[];
  wr: number[][]; ur: number[][]; br: number[];
  wn: number[][]; un: number[][]; bn: number[];
  wy: number[][]; by: number[];
}

type Params = Record<Exclude<keyof GruWeights, 'vocab' | 'hidden'>, tf.Tensor>;

function loadParams(w: GruWeights): Params {
  const keys = ['wz', 'uz', 'bz', 'wr', 'ur', 'br', 'wn', 'un', 'bn', 'wy', 'by'] as const;
  const out = {} as Params;
  for (const k of keys) out[k] = tf.tensor(w[k]);
  return out;
}

function gruStep(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sigmoid(tf.add(tf.add(tf.matMul(x, p.wz as tf.Tensor2D), tf.matMul(h, p.uz as tf.Tensor2D)), p.bz));
  const r = tf.sigmoid(tf.add(tf.add(tf.matMul(x, p.wr as tf.Tensor2D), tf.matMul(h, p.ur as tf.Tensor2D)), p.br));
  const hr = tf.mul(r, h) as tf.Tensor2D;
  const n = tf.tanh(tf.add(tf.add(tf.matMul(x, p.wn as tf.Tensor2D), tf.matMul(hr, p.un as tf.Tensor2D)), p.bn));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
}

const [weightsPath, ...files] = Deno.args;
if (!weightsPath || files.length === 0) {
  console.error('usage: deno run --allow-read perplexity.ts weights.json doc1.txt [doc2.txt ...]');
  Deno.exit(1);
}

const weights: GruWeights = JSON.parse(await Deno.readTextFile(weightsPath));
const params = loadParams(weights);
const V = weights.vocab.length;
const index = new Map<string, number>([...weights.vocab].map((ch, i) => [ch, i]));
const unk = index.get('?') ?? 0;

const results: { file: string; chars: number; ppl: number }[] = [];
let h: tf.Tensor2D = tf.zeros([1, weights.hidden]);

for (const file of files) {
  const text = await Deno.readTextFile(file);
  const ids = [...text].map((ch) => index.get(ch) ?? unk);
  let nll = 0;

  for (let t = 0; t + 1 < ids.length; t++) {
    const [hNext, logp] = tf.tidy(() => {
      const x = tf.oneHot([ids[t]], V).toFloat() as tf.Tensor2D;
      const hn = gruStep(params, x, h);
      const logits = tf.add(tf.matMul(hn, params.wy as tf.Tensor2D), params.by);
      const lp = tf.logSoftmax(logits).gather([ids[t + 1]], 1);
      return [hn, lp] as [tf.Tensor2D, tf.Tensor];
    });
    nll -= (await logp.data())[0];
    logp.dispose();
    h.dispose();
    h = hNext;
  }

  const chars = Math.max(ids.length - 1, 1);
  results.push({ file, chars, ppl: Math.exp(nll / chars) });
}

h.dispose();
console.table(results);
