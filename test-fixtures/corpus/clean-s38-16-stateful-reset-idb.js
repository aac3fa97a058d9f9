// expect: none
// Scores long ECG recordings chunk by chunk with a stateful LSTM cached in IndexedDB, one recording at a time.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 250;
const LEADS = 3;
const MODEL_URL = 'indexeddb://ecg-stateful-lstm';

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, stateful: true, returnSequences: false, batchInputShape: [1, CHUNK, LEADS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

async function loadModel(remoteUrl) {
  const model = buildModel();
  let source;
  try {
    source = await tf.loadLayersModel(MODEL_URL);
  } catch {
    source = await tf.loadLayersModel(remoteUrl);
    await source.save(MODEL_URL);
  }
  model.setWeights(source.getWeights());
  source.dispose();
  return model;
}

function chunksOf(samples) {
  const out = [];
  for (let start = 0; start + CHUNK <= samples.length; start += CHUNK) {
    out.push(samples.slice(start, start + CHUNK));
  }
  return out;
}

export async function scoreRecordings(recordings, remoteUrl) {
  const model = await loadModel(remoteUrl);
  const report = [];

  for (const rec of recordings) {
    model.resetStates();
    const risks = [];
    for (const chunk of chunksOf(rec.samples)) {
      const p = tf.tidy(() => model.predict(tf.tensor3d([chunk], [1, CHUNK, LEADS])));
      risks.push((await p.data())[0]);
      p.dispose();
    }
    report.push({
      id: rec.id,
      maxRisk: Math.max(...risks),
      flaggedChunks: risks.filter((r) => r > 0.8).length,
    });
  }

  model.resetStates();
  console.log('tensors in use:', tf.memory().numTensors);
  return report;
}

export async function scoreAndPersist(recordings, remoteUrl) {
  const report = await scoreRecordings(recordings, remoteUrl);
  localStorage.setItem('ecg-report', JSON.stringify({ createdAt: new Date().toISOString(), report }));
  return report;
}
