// expect: state-leak
// CLI that scores machine vibration logs (one CSV per machine) with a stateful GRU whose weights come from a JSON export.
import * as tf from '@tensorflow/tfjs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const WINDOW = 64;
const CHANNELS = 4;

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, WINDOW, CHANNELS] }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

async function loadWeights(model, file) {
  const exported = JSON.parse(await readFile(file, 'utf8'));
  const tensors = exported.map(({ shape, values }) => tf.tensor(values, shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

function parseCsv(text) {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(1, 1 + CHANNELS).map(Number));
}

function* windows(rows) {
  for (let i = 0; i + WINDOW <= rows.length; i += WINDOW) yield rows.slice(i, i + WINDOW);
}

async function main() {
  const dir = process.argv[2] ?? './vibration-logs';
  const model = buildModel();
  await loadWeights(model, './vibration-gru-weights.json');

  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
  const results = [];
  model.resetStates();

  for (const file of files) {
    const rows = parseCsv(await readFile(join(dir, file), 'utf8'));
    let worst = -Infinity;
    let count = 0;
    for (const win of windows(rows)) {
      const err = tf.tidy(() => model.predict(tf.tensor3d([win])).squeeze());
      worst = Math.max(worst, (await err.data())[0]);
      err.dispose();
      count += 1;
    }
    results.push({ machine: file.replace(/\.csv$/, ''), windows: count, worst });
    console.log(`${file}: ${count} windows, worst=${worst.toFixed(3)}, tensors=${tf.memory().numTensors}`);
  }

  await writeFile('./vibration-scores.json', JSON.stringify(results, null, 2));
  model.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
