// expect: none
// CLI text sampler: primes a character LSTM with a prompt and prints a temperature-controlled continuation.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = ' abcdefghijklmnopqrstuvwxyz.,';
const V = ALPHABET.length;
const H = 16;

interface State {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

const weights = {
  wi: tf.randomNormal([V, 4 * H], 0, 0.3, 'float32', 501) as tf.Tensor2D,
  wr: tf.randomNormal([H, 4 * H], 0, 0.3, 'float32', 502) as tf.Tensor2D,
  b: tf.zeros([4 * H]) as tf.Tensor1D,
  proj: tf.randomNormal([H, V], 0, 0.7, 'float32', 503) as tf.Tensor2D,
  projB: tf.zeros([V]) as tf.Tensor1D,
};

function cellStep(charIdx: number, s: State): State {
  return tf.tidy(() => {
    const x = tf.oneHot([charIdx], V).toFloat() as tf.Tensor2D;
    const gates = x.matMul(weights.wi).add(s.h.matMul(weights.wr)).add(weights.b);
    const [gi, gf, gc, go] = tf.split(gates, 4, 1);
    const input = tf.sigmoid(gi);
    const forget = tf.sigmoid(gf);
    const candidate = tf.tanh(gc);
    const output = tf.sigmoid(go);
    const c = forget.mul(s.c).add(input.mul(candidate)) as tf.Tensor2D;
    const h = output.mul(tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  });
}

function nextCharProbs(s: State, temperature: number): Float32Array {
  return tf.tidy(() => {
    const logits = s.h.matMul(weights.proj).add(weights.projB);
    return tf.softmax(logits.div(temperature)).dataSync() as Float32Array;
  });
}

function sample(probs: Float32Array, rand: () => number): number {
  let r = rand();
  for (let i = 0; i < probs.length; i++) {
    r -= probs[i];
    if (r <= 0) return i;
  }
  return probs.length - 1;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function replaceState(old: State, next: State): State {
  tf.dispose([old.h, old.c]);
  return next;
}

export function generate(prompt: string, length: number, temperature: number, seed: number): string {
  const rand = mulberry32(seed);
  let state: State = { h: tf.zeros([1, H]), c: tf.zeros([1, H]) };
  const clean = [...prompt.toLowerCase()].filter((ch) => ALPHABET.includes(ch));
  for (const ch of clean) state = replaceState(state, cellStep(ALPHABET.indexOf(ch), state));
  let out = '';
  for (let i = 0; i < length; i++) {
    const idx = sample(nextCharProbs(state, temperature), rand);
    out += ALPHABET[idx];
    state = replaceState(state, cellStep(idx, state));
  }
  tf.dispose([state.h, state.c]);
  return out;
}

if (require.main === module) {
  const args = new Map<string, string>();
  const rest = process.argv.slice(2);
  for (let i = 0; i < rest.length; i += 2) args.set(rest[i].replace(/^--/, ''), rest[i + 1]);
  const prompt = args.get('prompt') ?? 'the quick brown fox';
  const len = Number(args.get('len') ?? 60);
  const temp = Number(args.get('temp') ?? 0.8);
  const seed = Number(args.get('seed') ?? 1);
  if (!(temp > 0)) {
    console.error('--temp must be positive');
    process.exit(2);
  }
  console.log(prompt + generate(prompt, len, temp, seed));
  console.error(`tensors alive: ${tf.memory().numTensors}`);
}
