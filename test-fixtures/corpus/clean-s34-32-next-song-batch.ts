// expect: none
// Nightly batch job: reads listener histories line by line and yields top-5 next-song picks from an LSTM recommender.
import * as tf from '@tensorflow/tfjs';
import { createReadStream, createWriteStream } from 'fs';
import { createInterface } from 'readline';
import { once } from 'events';

const SONGS = 5000;
const HISTORY = 50;

export function buildRecommender(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: SONGS + 1, outputDim: 64, inputLength: HISTORY, maskZero: true }));
  model.add(tf.layers.lstm({ units: 128, returnSequences: false }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: SONGS })); // logits
  return model;
}

interface Listener { userId: string; history: number[] }

function leftPad(history: number[]): number[] {
  const recent = history.slice(-HISTORY).map((s) => s + 1); // 0 is padding
  return [...new Array(HISTORY - recent.length).fill(0), ...recent];
}

export async function* recommend(
  model: tf.Sequential,
  listeners: AsyncIterable<Listener>,
  batchSize = 256,
  temperature = 0.7,
): AsyncGenerator<{ userId: string; picks: { song: number; p: number }[] }> {
  let batch: Listener[] = [];
  const flush = async function* () {
    const { values, indices } = tf.tidy(() => {
      const x = tf.tensor2d(batch.map((l) => leftPad(l.history)), [batch.length, HISTORY], 'int32');
      const logits = model.predict(x) as tf.Tensor2D;
      const probs = tf.softmax(logits.div(temperature));
      return tf.topk(probs, 5);
    });
    const vals = (await values.array()) as number[][];
    const idx = (await indices.array()) as number[][];
    tf.dispose([values, indices]);
    for (let i = 0; i < batch.length; i++) {
      yield { userId: batch[i].userId, picks: idx[i].map((song, k) => ({ song, p: vals[i][k] })) };
    }
    batch = [];
  };
  for await (const l of listeners) {
    if (l.history.length === 0) continue;
    batch.push(l);
    if (batch.length === batchSize) yield* flush();
  }
  if (batch.length) yield* flush();
}

async function* readListeners(path: string): AsyncGenerator<Listener> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    const [userId, songs] = line.split('\t');
    if (!songs) continue;
    yield { userId, history: songs.split(' ').map(Number).filter((s) => s >= 0 && s < SONGS) };
  }
}

export async function runNightly(modelUrl: string, inPath: string, outPath: string): Promise<number> {
  const loaded = await tf.loadLayersModel(modelUrl);
  const model = buildRecommender();
  model.setWeights(loaded.getWeights());
  const out = createWriteStream(outPath);
  let n = 0;
  for await (const rec of recommend(model, readListeners(inPath))) {
    if (!out.write(JSON.stringify(rec) + '\n')) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  console.log(`wrote ${n} recommendation rows, tensors=${tf.memory().numTensors}`);
  return n;
}
