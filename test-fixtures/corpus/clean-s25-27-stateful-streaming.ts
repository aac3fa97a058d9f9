// expect: none
// Streaming punctuation restorer for live captions: a stateful GRU reads one word at a time and predicts what follows it.
import * as tf from '@tensorflow/tfjs';

const PUNCT = ['', ',', '.', '?'];
const DIM = 24;

export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 20, stateful: true, returnSequences: false, batchInputShape: [1, 1, DIM] }));
  model.add(tf.layers.dense({ units: PUNCT.length, activation: 'softmax' }));
  return model;
}

function wordFeatures(word: string): tf.Tensor3D {
  const v = new Float32Array(DIM);
  for (let i = 0; i < word.length; i++) v[(word.charCodeAt(i) * (i + 1)) % DIM] += 1;
  v[DIM - 1] = word.length / 10;
  return tf.tensor3d(v, [1, 1, DIM]);
}

/** Each caption segment is an independent utterance: the GRU state must not carry across segments. */
export async function punctuate(model: tf.Sequential, segment: string): Promise<string> {
  model.resetStates();
  const words = segment.trim().split(/\s+/);
  let out = '';
  for (const word of words) {
    const probs = tf.tidy(() => model.predict(wordFeatures(word)) as tf.Tensor2D);
    const best = (await probs.argMax(1).data())[0];
    probs.dispose();
    out += (out ? ' ' : '') + word + PUNCT[best];
  }
  return out;
}

export async function captionStream(model: tf.Sequential, segments: AsyncIterable<string> | string[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const segment of segments) {
    lines.push(await punctuate(model, segment));
  }
  return lines;
}

async function* fakeLiveFeed(): AsyncGenerator<string> {
  const feed = ['hello everyone welcome back', 'today we talk about rivers', 'hello everyone welcome back'];
  for (const s of feed) {
    await new Promise((r) => setTimeout(r, 5));
    yield s;
  }
}

if (require.main === module) {
  const model = buildModel();
  captionStream(model, fakeLiveFeed()).then((lines) => lines.forEach((l) => console.log(l)));
}
