// expect: state-leak
// Classify variable-length sensor recordings with a stateful LSTM fed in fixed-size chunks (Keras stateful LSTM recipe, tfjs version).
import * as tf from '@tensorflow/tfjs';

const CHUNK = 5;
const N_FEATURES = 1;

export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 16,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, CHUNK, N_FEATURES],
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

// split a recording into [1, CHUNK, 1] windows, zero padding the tail
function toChunks(recording: number[]): tf.Tensor3D[] {
  const chunks: tf.Tensor3D[] = [];
  for (let i = 0; i < recording.length; i += CHUNK) {
    const part = recording.slice(i, i + CHUNK);
    while (part.length < CHUNK) part.push(0);
    chunks.push(tf.tensor3d([part.map((v) => [v])]));
  }
  return chunks;
}

// feed one recording chunk by chunk; the LSTM carries its state from chunk to chunk
export async function feedRecording(model: tf.Sequential, recording: number[], label?: number): Promise<number> {
  const chunks = toChunks(recording);
  let last = 0;
  for (const x of chunks) {
    if (label !== undefined) {
      const y = tf.tensor2d([[label]]);
      const res = await model.trainOnBatch(x, y);
      last = Array.isArray(res) ? res[0] : res;
      y.dispose();
    } else {
      const p = model.predict(x) as tf.Tensor;
      last = (await p.data())[0];
      p.dispose();
    }
    x.dispose();
  }
  return last;
}

// label 1 = recording contains a spike somewhere, 0 = just noise
function makeRecordings(n: number): Array<{ data: number[]; label: number }> {
  const out: Array<{ data: number[]; label: number }> = [];
  for (let i = 0; i < n; i++) {
    const len = 10 + Math.floor(Math.random() * 16);
    const data = Array.from({ length: len }, () => (Math.random() - 0.5) * 0.2);
    const label = i % 2;
    if (label === 1) data[Math.floor(Math.random() * len)] = 1.5;
    out.push({ data, label });
  }
  return out;
}

export async function main(): Promise<void> {
  const model = buildModel();
  const train = makeRecordings(24);
  const test = makeRecordings(8);

  for (let epoch = 0; epoch < 4; epoch++) {
    let total = 0;
    for (const { data, label } of train) {
      total += await feedRecording(model, data, label);
    }
    // same as model.reset_states() at the end of every epoch in the keras example
    model.resetStates();
    console.log(`epoch ${epoch} loss ${(total / train.length).toFixed(4)}`);
  }

  let correct = 0;
  for (const { data, label } of test) {
    const p = await feedRecording(model, data);
    if ((p > 0.5 ? 1 : 0) === label) correct++;
  }
  console.log(`test accuracy ${correct}/${test.length}`);
}

main();
