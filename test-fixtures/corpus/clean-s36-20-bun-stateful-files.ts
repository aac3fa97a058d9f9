// expect: none
// Bun script: streams several server-metric CSV files through a stateful GRU and prints per-file alert windows.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

const STEPS = 12;
const FEATURES = 4;

interface Alert {
  file: string;
  window: number;
  score: number;
}

function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 24, stateful: true, batchInputShape: [1, STEPS, FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function parse(text: string): number[][] {
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').slice(1, 1 + FEATURES).map(Number))
    .filter((r) => r.length === FEATURES && r.every((v) => Number.isFinite(v)));
}

function normalise(rows: number[][]): number[][] {
  const max = new Array(FEATURES).fill(1e-6);
  for (const r of rows) r.forEach((v, i) => (max[i] = Math.max(max[i], Math.abs(v))));
  return rows.map((r) => r.map((v, i) => v / max[i]));
}

async function scanFile(model: tf.Sequential, path: string, threshold: number): Promise<Alert[]> {
  const rows = normalise(parse(await Bun.file(path).text()));
  const alerts: Alert[] = [];
  model.resetStates();
  for (let w = 0; (w + 1) * STEPS <= rows.length; w++) {
    const slice = rows.slice(w * STEPS, (w + 1) * STEPS);
    const out = tf.tidy(() => model.predict(tf.tensor3d([slice], [1, STEPS, FEATURES])) as tf.Tensor);
    const [score] = await out.data();
    out.dispose();
    if (score > threshold) alerts.push({ file: path, window: w, score });
  }
  return alerts;
}

async function main(): Promise<void> {
  const args = Bun.argv.slice(2);
  const flag = args.indexOf('--model-url');
  const files = flag >= 0 ? args.filter((_, i) => i !== flag && i !== flag + 1) : args;
  const model = buildModel();
  if (flag >= 0) {
    const saved = await tf.loadLayersModel(args[flag + 1]);
    model.setWeights(saved.getWeights());
    saved.dispose();
  }

  const all: Alert[] = [];
  for (const f of files) {
    const found = await scanFile(model, f, Number(Bun.env.ALERT_THRESHOLD ?? 0.9));
    console.log(`${f}: ${found.length} alert window(s)`);
    all.push(...found);
  }
  await Bun.write('alerts.json', JSON.stringify(all, null, 2));
  model.dispose();
}

await main();
