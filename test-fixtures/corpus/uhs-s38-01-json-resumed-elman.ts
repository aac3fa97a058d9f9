// expect: unused-hidden-state
// Resumable Elman RNN that scores a long-running sensor stream and persists its hidden state to a JSON file between runs.
import * as tf from '@tensorflow/tfjs';
import { promises as fs } from 'fs';

interface ElmanParams {
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  b: tf.Tensor1D;
  wOut: tf.Tensor2D;
}

interface SavedState {
  version: number;
  step: number;
  h: number[][];
}

const INPUT = 6;
const HIDDEN = 24;
const STATE_FILE = process.env.STATE_FILE ?? './sensor-state.json';
const WEIGHTS_FILE = process.env.WEIGHTS_FILE ?? './sensor-weights.json';

async function loadParams(): Promise<ElmanParams> {
  const raw = JSON.parse(await fs.readFile(WEIGHTS_FILE, 'utf8'));
  return {
    wx: tf.tensor2d(raw.wx, [INPUT, HIDDEN]),
    wh: tf.tensor2d(raw.wh, [HIDDEN, HIDDEN]),
    b: tf.tensor1d(raw.b),
    wOut: tf.tensor2d(raw.wOut, [HIDDEN, 1]),
  };
}

function elmanStep(p: ElmanParams, x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => {
    const recurrent = tf.matMul(h, p.wh);
    const preact = tf.add(tf.matMul(x, p.wx), p.b);
    const hNext = tf.tanh(preact) as tf.Tensor2D;
    const score = tf.sigmoid(tf.matMul(hNext, p.wOut)) as tf.Tensor2D;
    return [score, hNext];
  });
}

async function loadState(): Promise<{ step: number; h: tf.Tensor2D }> {
  try {
    const saved = JSON.parse(await fs.readFile(STATE_FILE, 'utf8')) as SavedState;
    if (saved.version !== 1) throw new Error(`unsupported state version ${saved.version}`);
    return { step: saved.step, h: tf.tensor2d(saved.h) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return { step: 0, h: tf.zeros([1, HIDDEN]) };
  }
}

async function saveState(step: number, h: tf.Tensor2D): Promise<void> {
  const payload: SavedState = { version: 1, step, h: h.arraySync() };
  const tmp = `${STATE_FILE}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(payload));
  await fs.rename(tmp, STATE_FILE);
}

async function main(readingsPath: string): Promise<void> {
  const params = await loadParams();
  const lines = (await fs.readFile(readingsPath, 'utf8')).split('\n').filter(Boolean);
  let { step, h } = await loadState();
  const alerts: number[] = [];

  for (const line of lines) {
    const reading = JSON.parse(line) as number[];
    const x = tf.tensor2d([reading], [1, INPUT]);
    const [score, hNext] = elmanStep(params, x, h);
    const s = (await score.data())[0];
    if (s > 0.9) alerts.push(step);
    tf.dispose([x, score, h]);
    h = hNext;
    step += 1;
    if (step % 500 === 0) await saveState(step, h);
  }

  await saveState(step, h);
  console.log(`processed ${lines.length} readings, ${alerts.length} alerts, tensors=${tf.memory().numTensors}`);
  h.dispose();
  tf.dispose(Object.values(params));
}

main(process.argv[2] ?? './readings.ndjson').catch((e) => {
  console.error(e);
  process.exit(1);
});
