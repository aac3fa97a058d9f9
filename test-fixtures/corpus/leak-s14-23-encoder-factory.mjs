// expect: state-leak
// Sentence encoder factory for a dedup job: returns an encode() function and compares titles by cosine similarity.
import * as tf from '@tensorflow/tfjs';

export function makeSentenceEncoder({ vocab, dim = 8, units = 12, seed = 70 }) {
  const table = tf.randomNormal([vocab.size + 1, dim], 0, 0.5, 'float32', seed);
  const wx = tf.randomNormal([dim, units], 0, 0.4, 'float32', seed + 1);
  const wh = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 2);
  let h = tf.zeros([1, units]);

  const idsOf = (text) => text.toLowerCase().split(/\s+/).filter(Boolean).map((w) => vocab.get(w) ?? vocab.size);

  return function encode(text) {
    for (const id of idsOf(text)) {
      const next = tf.tidy(() => {
        const x = table.gather([id]);
        return tf.tanh(x.matMul(wx).add(h.matMul(wh)));
      });
      h.dispose();
      h = next;
    }
    return h.clone();
  };
}

export function cosine(a, b) {
  return tf.tidy(() => a.mul(b).sum().div(a.norm().mul(b.norm()).add(1e-8)).dataSync()[0]);
}

export function findDuplicates(titles, encode, threshold = 0.95) {
  const vectors = titles.map((t) => encode(t));
  const pairs = [];
  for (let i = 0; i < titles.length; i++) {
    for (let j = i + 1; j < titles.length; j++) {
      const sim = cosine(vectors[i], vectors[j]);
      if (sim >= threshold) pairs.push([titles[i], titles[j], Number(sim.toFixed(3))]);
    }
  }
  tf.dispose(vectors);
  return pairs;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const words = ['how', 'to', 'reset', 'password', 'change', 'email', 'delete', 'account', 'my'];
  const vocab = new Map(words.map((w, i) => [w, i]));
  const encode = makeSentenceEncoder({ vocab });
  const titles = ['how to reset password', 'how to reset my password', 'delete my account', 'how to reset password'];
  console.log(findDuplicates(titles, encode));
}
