// expect: state-leak
// tslab notebook: stateful LSTM that scores pump sensor traces one reading at a time, the way it runs on the gateway.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: model ---
const FEATURES = 2;
const model = tf.sequential();
model.add(
  tf.layers.lstm({
    units: 12,
    stateful: true,
    batchInputShape: [1, 1, FEATURES],
    returnSequences: false,
    kernelInitializer: tf.initializers.randomNormal({ stddev: 0.8, seed: 3 }),
    recurrentInitializer: tf.initializers.randomNormal({ stddev: 0.8, seed: 4 }),
  }),
);
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.randomNormal({ stddev: 1.5, seed: 5 }) }));
model.summary();

// --- cell 2: fake traces ---
interface Trace {
  id: string;
  rows: number[][];
}
function makeTrace(id: string, len: number, drift: number): Trace {
  const rows: number[][] = [];
  for (let i = 0; i < len; i++) {
    const pressure = Math.sin(i / 3) + drift * i;
    const vibration = Math.cos(i / 2) * (1 + drift * 4);
    rows.push([pressure, vibration]);
  }
  return { id, rows };
}
const traces: Trace[] = [
  makeTrace('pump-a', 8, 0.0),
  makeTrace('pump-b', 8, 0.08),
  makeTrace('pump-c', 8, 0.05),
  makeTrace('pump-d', 8, 0.02),
];

// --- cell 3: score one trace ---
async function scoreTrace(rows: number[][]): Promise<number> {
  let last = 0;
  for (const row of rows) {
    const x = tf.tensor3d([[row]]);
    const y = model.predict(x) as tf.Tensor;
    last = (await y.data())[0];
    x.dispose();
    y.dispose();
  }
  return last;
}

// --- cell 4: score everything ---
async function main(): Promise<void> {
  const table: { id: string; score: number; flag: boolean }[] = [];
  for (const trace of traces) {
    const score = await scoreTrace(trace.rows);
    table.push({ id: trace.id, score: +score.toFixed(4), flag: score > 0.5 });
  }
  console.table(table);
  console.log('tensors alive:', tf.memory().numTensors);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
