// expect: none
// Trains an LSTM anomaly scorer on whole sequences, then serves it tick by tick with a state-in/state-out model.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const STEPS = 24;

const lstm = tf.layers.lstm({ units: UNITS, returnSequences: true, returnState: true, name: 'shared_lstm' });
const scorer = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'score' });

function buildSequenceModel(): tf.LayersModel {
  const x = tf.input({ shape: [STEPS, 1] });
  const [seq] = lstm.apply(x) as tf.SymbolicTensor[];
  const y = tf.layers.timeDistributed({ layer: scorer }).apply(seq) as tf.SymbolicTensor;
  const model = tf.model({ inputs: x, outputs: y });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  return model;
}

function buildTickModel(): tf.LayersModel {
  const x = tf.input({ shape: [1, 1] });
  const h = tf.input({ shape: [UNITS] });
  const c = tf.input({ shape: [UNITS] });
  const [seq, hOut, cOut] = lstm.apply(x, { initialState: [h, c] }) as tf.SymbolicTensor[];
  const flat = tf.layers.reshape({ targetShape: [UNITS] }).apply(seq) as tf.SymbolicTensor;
  const y = scorer.apply(flat) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, h, c], outputs: [y, hOut, cOut] });
}

function synth(n: number): { xs: tf.Tensor3D; ys: tf.Tensor3D } {
  const xs: number[][][] = [];
  const ys: number[][][] = [];
  for (let i = 0; i < n; i++) {
    const spikeAt = Math.random() < 0.5 ? Math.floor(Math.random() * STEPS) : -1;
    const seq: number[][] = [];
    const lab: number[][] = [];
    for (let t = 0; t < STEPS; t++) {
      seq.push([Math.sin(t / 3) * 0.5 + (t === spikeAt ? 2.5 : 0)]);
      lab.push([spikeAt >= 0 && t >= spikeAt ? 1 : 0]); // "an anomaly has happened so far"
    }
    xs.push(seq);
    ys.push(lab);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor3d(ys) };
}

export async function scoreStream(tick: tf.LayersModel, values: number[]): Promise<number[]> {
  // every stream starts from a fresh zero state
  let h: tf.Tensor = tf.zeros([1, UNITS]);
  let c: tf.Tensor = tf.zeros([1, UNITS]);
  const scores: number[] = [];
  for (const v of values) {
    const x = tf.tensor3d([[[v]]]);
    const [y, hNext, cNext] = tick.predict([x, h, c]) as tf.Tensor[];
    scores.push((await y.data())[0]);
    tf.dispose([x, y, h, c]);
    h = hNext;
    c = cNext;
  }
  tf.dispose([h, c]);
  return scores;
}

async function main(): Promise<void> {
  const seqModel = buildSequenceModel();
  const tick = buildTickModel();
  const { xs, ys } = synth(400);
  await seqModel.fit(xs, ys, { epochs: 15, batchSize: 32, verbose: 0 });

  const streams = [0, 1].map((k) => Array.from(xs.slice([k, 0, 0], [1, STEPS, 1]).dataSync()));
  for (let k = 0; k < streams.length; k++) {
    const online = await scoreStream(tick, streams[k]);
    const batch = seqModel.predict(xs.slice([k, 0, 0], [1, STEPS, 1])) as tf.Tensor;
    const offline = Array.from(await batch.data());
    batch.dispose();
    const gap = Math.max(...online.map((s, i) => Math.abs(s - offline[i])));
    console.log(`stream ${k}: last score ${online[STEPS - 1].toFixed(3)}, max online/offline gap ${gap.toExponential(2)}`);
  }
  tf.dispose([xs, ys]);
}

main();
