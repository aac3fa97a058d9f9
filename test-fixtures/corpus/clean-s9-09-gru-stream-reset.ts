// expect: none
// gesture stream classifier: train a stateful GRU one whole gesture at a time, then run it step-by-step on live data
import * as tf from '@tensorflow/tfjs';

const T = 16;
const FEAT = 2;
const CLASSES = 3;
const UNITS = 12;

function makeTrainer(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: UNITS, stateful: true, batchInputShape: [1, T, FEAT] }));
  m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

function makeStreamer(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: UNITS, stateful: true, batchInputShape: [1, 1, FEAT] }));
  m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  return m;
}

// circle, line, zigzag
function gesture(kind: number): number[][] {
  const pts: number[][] = [];
  for (let t = 0; t < T; t++) {
    const a = (t / T) * Math.PI * 2;
    if (kind === 0) pts.push([Math.cos(a), Math.sin(a)]);
    else if (kind === 1) pts.push([t / T, t / T]);
    else pts.push([t / T, t % 2 === 0 ? 0.5 : -0.5]);
  }
  return pts.map(p => p.map(v => v + (Math.random() - 0.5) * 0.05));
}

const trainer = makeTrainer();
const streamer = makeStreamer();

async function train(rounds = 60) {
  for (let r = 0; r < rounds; r++) {
    const kind = r % CLASSES;
    const xs = tf.tensor3d([gesture(kind)]);
    const ys = tf.oneHot(tf.tensor1d([kind], 'int32'), CLASSES);
    trainer.resetStates(); // each gesture is its own sequence
    const res = (await trainer.trainOnBatch(xs, ys)) as number[];
    tf.dispose([xs, ys]);
    if (r % 15 === 0) console.log(`round ${r} loss ${res[0].toFixed(3)} acc ${res[1]}`);
    await tf.nextFrame();
  }
  streamer.setWeights(trainer.getWeights());
}

async function classifyLive(points: number[][]): Promise<number[]> {
  streamer.resetStates();
  let last: number[] = [];
  for (const p of points) {
    const x = tf.tensor3d([[p]]);
    const y = streamer.predict(x) as tf.Tensor;
    last = Array.from(await y.data());
    tf.dispose([x, y]);
    await tf.nextFrame();
  }
  return last;
}

async function main() {
  await train();
  const names = ['circle', 'line', 'zigzag'];
  for (let k = 0; k < CLASSES; k++) {
    const probs = await classifyLive(gesture(k));
    const best = probs.indexOf(Math.max(...probs));
    console.log(`${names[k].padEnd(7)} -> ${names[best]}  (${probs.map(p => p.toFixed(2)).join(', ')})`);
  }
  console.log('tensors', tf.memory().numTensors);
}

main();
