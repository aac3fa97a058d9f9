// expect: stacked-activation
// activity recognition from phone IMU windows: GRU + dense head, only reports an activity when it's confident enough
import * as tf from '@tensorflow/tfjs';

const WIN = 20;
const CH = 3;
const ACTIVITIES = ['sitting', 'walking', 'running'];
const CONFIDENCE = 0.7;

function synthWindow(kind: number): number[][] {
  const rows: number[][] = [];
  const freq = [0.05, 0.6, 1.4][kind];
  const amp = [0.02, 0.5, 1.5][kind];
  const ph = Math.random() * 6;
  for (let t = 0; t < WIN; t++) {
    rows.push([
      amp * Math.sin(ph + t * freq) + (Math.random() - 0.5) * 0.05,
      amp * Math.cos(ph + t * freq * 0.5),
      1 + amp * 0.3 * Math.sin(t * freq * 2),
    ]);
  }
  return rows;
}

function makeDataset(n: number) {
  const xs: number[][][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % ACTIVITIES.length;
    xs.push(synthWindow(k));
    labels.push(k);
  }
  return { x: tf.tensor3d(xs), y: tf.oneHot(tf.tensor1d(labels, 'int32'), ACTIVITIES.length).toFloat() };
}

export const model = tf.sequential();
model.add(tf.layers.gru({ units: 16, inputShape: [WIN, CH] }));
model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['acc'] });

function toProbs(t: tf.Tensor): tf.Tensor {
  return tf.softmax(t);
}

export async function trainModel() {
  const { x, y } = makeDataset(90);
  await model.fit(x, y, {
    epochs: 25,
    batchSize: 15,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        if (epoch % 5 === 0) console.log(`epoch ${epoch}: loss=${logs?.loss.toFixed(3)} acc=${logs?.acc}`);
        await tf.nextFrame();
      },
    },
  });
  tf.dispose([x, y]);
}

export async function classify(windows: number[][][]): Promise<Array<{ label: string; p: number }>> {
  const x = tf.tensor3d(windows);
  const raw = model.predict(x) as tf.Tensor;
  const probs = toProbs(raw);
  const arr = (await probs.array()) as number[][];
  tf.dispose([x, raw, probs]);
  return arr.map(p => {
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return { label: p[best] >= CONFIDENCE ? ACTIVITIES[best] : 'unsure', p: p[best] };
  });
}

async function main() {
  await trainModel();
  const test = [0, 1, 2, 1, 0, 2].map(k => synthWindow(k));
  const res = await classify(test);
  res.forEach((r, i) => console.log(`window ${i}: ${r.label} (${r.p.toFixed(3)})`));
  console.log('tensors', tf.memory().numTensors);
}

if (require.main === module) main();
