// expect: none
// tslab notebook: word-level LSTM language model (untrained), stepping a generator that yields the next-word distribution.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: vocabulary ---
const words = ['<bos>', 'the', 'model', 'reads', 'writes', 'a', 'sequence', 'token', '.'];
const V = words.length;
const E = 6;
const H = 10;

// --- cell 2: parameters ---
const emb = tf.randomNormal([V, E], 0, 0.5, 'float32', 1);
const Wi = tf.randomNormal([E + H, H], 0, 0.4, 'float32', 2);
const Wf = tf.randomNormal([E + H, H], 0, 0.4, 'float32', 3);
const Wg = tf.randomNormal([E + H, H], 0, 0.4, 'float32', 4);
const Wo = tf.randomNormal([E + H, H], 0, 0.4, 'float32', 5);
const proj = tf.layers.dense({
  units: V,
  activation: 'softmax',
  inputShape: [H],
  kernelInitializer: tf.initializers.randomNormal({ stddev: 1.0, seed: 6 }),
});

// --- cell 3: step ---
interface Carry {
  h: tf.Tensor;
  c: tf.Tensor;
}
function lstm(wordId: number, { h, c }: Carry): Carry {
  return tf.tidy(() => {
    const xh = tf.concat([tf.gather(emb, [wordId]), h], 1);
    const i = tf.sigmoid(tf.matMul(xh, Wi));
    const f = tf.sigmoid(tf.matMul(xh, Wf).add(1));
    const g = tf.tanh(tf.matMul(xh, Wg));
    const o = tf.sigmoid(tf.matMul(xh, Wo));
    const cNext = f.mul(c).add(i.mul(g));
    return { h: o.mul(tf.tanh(cNext)), c: cNext };
  });
}

// --- cell 4: generator over a prompt, yields p(next | prefix) each step ---
function* nextWordDists(prompt: string[]): Generator<{ word: string; probs: Float32Array }> {
  let carry: Carry = { h: tf.zeros([1, H]), c: tf.zeros([1, H]) };
  for (const w of ['<bos>', ...prompt]) {
    const next = lstm(words.indexOf(w), carry);
    tf.dispose([carry.h, carry.c]);
    carry = next;
    const probs = tf.tidy(() => (proj.apply(carry.h) as tf.Tensor).dataSync() as Float32Array);
    yield { word: w, probs };
  }
  tf.dispose([carry.h, carry.c]);
}

// --- cell 5: top-3 after every prefix ---
const rows: { after: string; top: string; entropy: number }[] = [];
for (const { word, probs } of nextWordDists(['the', 'model', 'reads', 'a'])) {
  const ranked = Array.from(probs)
    .map((p, k) => [p, k] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3);
  const entropy = -Array.from(probs).reduce((s, p) => s + (p > 0 ? p * Math.log(p) : 0), 0);
  rows.push({ after: word, top: ranked.map(([p, k]) => `${words[k]}:${p.toFixed(2)}`).join(' '), entropy: +entropy.toFixed(3) });
}
console.table(rows);
console.log('tensors alive:', tf.memory().numTensors);
