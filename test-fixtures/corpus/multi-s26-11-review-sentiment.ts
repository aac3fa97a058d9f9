// expect: state-leak, stacked-activation
// Notebook export: scoring product reviews with a small word-level RNN and a one-unit head, then a quick accuracy table.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: data + vocabulary ---
const reviews = [
  { text: 'great phone love the battery', label: 1 },
  { text: 'screen cracked after one week terrible', label: 0 },
  { text: 'fast shipping works as described', label: 1 },
  { text: 'battery dies fast do not buy', label: 0 },
  { text: 'love it great value', label: 1 },
  { text: 'terrible support never again', label: 0 },
];
const words = Array.from(new Set(reviews.flatMap((r) => r.text.split(' '))));
const wordId = new Map<string, number>(words.map((w, i) => [w, i]));

// --- cell 2: model pieces ---
const EMB = 8;
const H = 12;
const embedding = tf.randomNormal([words.length, EMB], 0, 0.5, 'float32', 1);
const Wx = tf.randomNormal([EMB, H], 0, 0.4, 'float32', 2);
const Wh = tf.randomNormal([H, H], 0, 0.3, 'float32', 3);
const b = tf.zeros([H]);
const head = tf.layers.dense({
  units: 1,
  activation: 'sigmoid',
  inputShape: [H],
  kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.8, seed: 4 }),
});
let h: tf.Tensor = tf.zeros([1, H]);

// --- cell 3: read one word into the state ---
function readWord(w: string): void {
  const id = wordId.get(w) ?? 0;
  const next = tf.tidy(() => {
    const e = tf.gather(embedding, [id]);
    return tf.tanh(tf.matMul(e, Wx).add(tf.matMul(h, Wh)).add(b));
  });
  h.dispose();
  h = next;
}

// --- cell 4: probability that the review is positive ---
function positiveProb(): number {
  return tf.tidy(() => tf.sigmoid(head.apply(h) as tf.Tensor).dataSync()[0]);
}

// --- cell 5: score everything ---
const results = reviews.map((r) => {
  r.text.split(' ').forEach(readWord);
  const p = positiveProb();
  return { text: r.text.slice(0, 28), label: r.label, p: +p.toFixed(3), pred: p > 0.5 ? 1 : 0 };
});
console.table(results);

// --- cell 6: accuracy ---
const acc = results.filter((r) => r.pred === r.label).length / results.length;
console.log('accuracy', acc.toFixed(2), '| tensors alive:', tf.memory().numTensors);
