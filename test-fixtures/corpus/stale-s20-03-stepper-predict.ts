// expect: stale-state
// Character-level GRU language model: trains on a short corpus, then samples text with a one-step stepper model.
import * as tf from '@tensorflow/tfjs';

const CORPUS = 'the quick brown fox jumps over the lazy dog. the dog sleeps. the fox runs. ';
const VOCAB = Array.from(new Set(CORPUS.split(''))).sort();
const V = VOCAB.length;
const HIDDEN = 32;
const SEQ = 16;

const gru = tf.layers.gru({ units: HIDDEN, returnSequences: true, returnState: true });
const head = tf.layers.dense({ units: V, activation: 'softmax' });

function buildTrainer(): tf.LayersModel {
  const inp = tf.input({ shape: [SEQ, V] });
  const [seq] = gru.apply(inp) as tf.SymbolicTensor[];
  const probs = tf.layers.timeDistributed({ layer: head }).apply(seq) as tf.SymbolicTensor;
  const model = tf.model({ inputs: inp, outputs: probs });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

function buildStepper(): tf.LayersModel {
  const x = tf.input({ shape: [1, V] });
  const hIn = tf.input({ shape: [HIDDEN] });
  const [seq, hOut] = gru.apply(x, { initialState: [hIn] }) as tf.SymbolicTensor[];
  const last = tf.layers.flatten().apply(seq) as tf.SymbolicTensor;
  const probs = head.apply(last) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, hIn], outputs: [probs, hOut] });
}

const oneHot = (ids: number[]): tf.Tensor2D => tf.oneHot(tf.tensor1d(ids, 'int32'), V) as tf.Tensor2D;

function dataset(): { xs: tf.Tensor3D; ys: tf.Tensor3D } {
  const ids = CORPUS.split('').map((c) => VOCAB.indexOf(c));
  const xs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  for (let i = 0; i + SEQ + 1 < ids.length; i += 2) {
    xs.push(oneHot(ids.slice(i, i + SEQ)));
    ys.push(oneHot(ids.slice(i + 1, i + SEQ + 1)));
  }
  return { xs: tf.stack(xs) as tf.Tensor3D, ys: tf.stack(ys) as tf.Tensor3D };
}

function pick(probs: Float32Array | Int32Array | Uint8Array, temperature: number): number {
  const scaled = Array.from(probs).map((p) => Math.pow(p, 1 / temperature));
  const total = scaled.reduce((a, b) => a + b, 0);
  let r = Math.random() * total;
  for (let i = 0; i < scaled.length; i++) {
    r -= scaled[i];
    if (r <= 0) return i;
  }
  return scaled.length - 1;
}

export async function sample(stepper: tf.LayersModel, seed: string, length: number, temperature = 0.7): Promise<string> {
  let h: tf.Tensor = tf.zeros([1, HIDDEN]);
  for (const ch of seed) {
    const x = oneHot([VOCAB.indexOf(ch)]).expandDims(0);
    const [probs, hNext] = stepper.predict([x, h]) as tf.Tensor[];
    tf.dispose([x, probs, h]);
    h = hNext;
  }

  const primed = h;
  let current = VOCAB.indexOf(seed[seed.length - 1]);
  let out = seed;
  for (let i = 0; i < length; i++) {
    const x = oneHot([current]).expandDims(0);
    const [probs, hNext] = stepper.predict([x, primed]) as tf.Tensor[];
    current = pick(await probs.data(), temperature);
    out += VOCAB[current];
    if (h !== primed) h.dispose();
    h = hNext;
    tf.dispose([x, probs]);
  }
  tf.dispose([primed, h]);
  return out;
}

async function main(): Promise<void> {
  const trainer = buildTrainer();
  const stepper = buildStepper();
  const { xs, ys } = dataset();
  await trainer.fit(xs, ys, { epochs: 30, batchSize: 8, verbose: 0 });
  console.log(await sample(stepper, 'the ', 60));
  tf.dispose([xs, ys]);
}

main();
