// expect: none
// CLI: pipe release notes in, get up to three keywords per line picked by a pointer-style attention decoder.
import * as readline from 'readline';
import * as tf from '@tensorflow/tfjs';

const VOCAB = 128;
const EMBED = 12;
const UNITS = 16;
const MAX_T = 20;

const P = {
  embed: tf.randomNormal([VOCAB, EMBED], 0, 1, 'float32', 131) as tf.Tensor2D,
  encX: tf.randomNormal([EMBED, UNITS], 0, 0.4, 'float32', 132) as tf.Tensor2D,
  encH: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 133) as tf.Tensor2D,
  decC: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 134) as tf.Tensor2D,
  decH: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 135) as tf.Tensor2D,
  query: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 136) as tf.Tensor2D,
};

function hashWord(w: string): number {
  let h = 7;
  for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) % (VOCAB - 1);
  return h + 1;
}

function encode(ids: number[]): { memory: tf.Tensor2D; mask: tf.Tensor1D; last: tf.Tensor2D } {
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [];
  for (const id of ids) {
    const x = tf.gather(P.embed, [id]);
    h = tf.tanh(tf.matMul(x, P.encX).add(tf.matMul(h, P.encH)));
    states.push(h);
  }
  const pad = MAX_T - ids.length;
  const memory = tf.concat([...states, tf.zeros([pad, UNITS])], 0) as tf.Tensor2D;
  const mask = tf.concat([tf.ones([ids.length]), tf.zeros([pad])]) as tf.Tensor1D;
  return { memory, mask, last: h };
}

function attend(s: tf.Tensor2D, memory: tf.Tensor2D, mask: tf.Tensor1D): { weights: tf.Tensor1D; context: tf.Tensor2D } {
  const scores = tf.matMul(memory, tf.matMul(s, P.query), false, true).reshape([MAX_T]);
  const masked = scores.add(tf.sub(1, mask).mul(-1e9));
  const weights = tf.softmax(masked) as tf.Tensor1D;
  const context = tf.matMul(weights.reshape([1, MAX_T]), memory) as tf.Tensor2D;
  return { weights, context };
}

export function extractKeywords(line: string, k = 3): string[] {
  const words = line.split(/\s+/).filter((w) => w.length > 2).slice(0, MAX_T);
  if (words.length === 0) return [];
  const picks = tf.tidy(() => {
    const { memory, mask, last } = encode(words.map((w) => hashWord(w.toLowerCase())));
    let s = last;
    let taken = mask;
    const out: number[] = [];
    for (let step = 0; step < Math.min(k, words.length); step++) {
      const { weights, context } = attend(s, memory, mask);
      const idx = tf.argMax(weights.mul(taken)).dataSync()[0];
      out.push(idx);
      taken = taken.mul(tf.oneHot(idx, MAX_T).mul(-1).add(1)) as tf.Tensor1D;
      s = tf.tanh(tf.matMul(context, P.decC).add(tf.matMul(s, P.decH)));
    }
    return out;
  });
  return picks.map((i) => words[i]);
}

export async function runCli(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    output.write(`${extractKeywords(line).join(', ')}\n`);
  }
}

if (process.argv.includes('--cli')) {
  runCli(process.stdin, process.stdout).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
