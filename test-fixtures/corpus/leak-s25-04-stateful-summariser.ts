// expect: state-leak
// Extractive summariser: streams each article's sentence vectors through a stateful LSTM scorer and keeps the top k.
import * as tf from '@tensorflow/tfjs';

const DIM = 32;

export function buildScorer(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 24, stateful: true, batchInputShape: [1, 1, DIM], returnSequences: false }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function hashWord(word: string): number {
  let hsh = 2166136261;
  for (let i = 0; i < word.length; i++) {
    hsh ^= word.charCodeAt(i);
    hsh = Math.imul(hsh, 16777619);
  }
  return Math.abs(hsh) % DIM;
}

export function sentenceVector(sentence: string): tf.Tensor3D {
  const counts = new Array<number>(DIM).fill(0);
  const words = sentence.toLowerCase().match(/[a-z']+/g) ?? [];
  for (const w of words) counts[hashWord(w)] += 1;
  const norm = Math.sqrt(counts.reduce((s, v) => s + v * v, 0)) || 1;
  return tf.tensor3d(counts.map((v) => v / norm), [1, 1, DIM]);
}

export interface Scored {
  index: number;
  sentence: string;
  score: number;
}

export function scoreArticle(model: tf.Sequential, sentences: string[]): Scored[] {
  return sentences.map((sentence, index) => {
    const score = tf.tidy(() => {
      const y = model.predict(sentenceVector(sentence)) as tf.Tensor;
      return y.dataSync()[0];
    });
    return { index, sentence, score };
  });
}

export function summarise(model: tf.Sequential, articles: string[][], k = 2): string[][] {
  const summaries: string[][] = [];
  for (const sentences of articles) {
    const scored = scoreArticle(model, sentences);
    const top = [...scored].sort((a, b) => b.score - a.score).slice(0, k);
    top.sort((a, b) => a.index - b.index);
    summaries.push(top.map((s) => s.sentence));
  }
  return summaries;
}

export const ARTICLES: string[][] = [
  [
    'The city council approved the new budget on Tuesday.',
    'Most of the money goes to road repairs.',
    'Critics say the plan ignores public transport.',
    'A final vote is expected next month.',
  ],
  [
    'A rare comet will be visible this weekend.',
    'Astronomers recommend looking north after sunset.',
    'Binoculars will help but are not required.',
  ],
];

if (require.main === module) {
  const model = buildScorer();
  const result = summarise(model, ARTICLES);
  result.forEach((summary, i) => console.log(`article ${i}:`, summary.join(' ')));
}
