// expect: stale-state
// Generates a melody with a two-layer stacked GRU stepper model, rolling out one note at a time recursively.
import * as tf from '@tensorflow/tfjs';

const NOTES = ['C', 'D', 'E', 'F', 'G', 'A', 'B', 'rest'];
const N = NOTES.length;
const SIZES = [24, 24];

type States = tf.Tensor[];

export function buildStepper(): tf.LayersModel {
  const note = tf.input({ shape: [1, N], name: 'note' });
  const stateInputs = SIZES.map((units, i) => tf.input({ shape: [units], name: `state_${i}` }));
  const rnn = tf.layers.rnn({
    cell: tf.layers.stackedRNNCells({ cells: SIZES.map((units) => tf.layers.gruCell({ units })) }),
    returnState: true,
  });
  const [out, ...stateOutputs] = rnn.apply(note, { initialState: stateInputs }) as tf.SymbolicTensor[];
  const probs = tf.layers.dense({ units: N, activation: 'softmax' }).apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs: [note, ...stateInputs], outputs: [probs, ...stateOutputs] });
}

function zeroStates(): States {
  return SIZES.map((units) => tf.zeros([1, units]));
}

function sampleIndex(probs: Float32Array | Int32Array | Uint8Array, temperature: number): number {
  const logits = Array.from(probs).map((p) => Math.log(p + 1e-8) / temperature);
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  let r = Math.random() * sum;
  for (let i = 0; i < exps.length; i++) {
    r -= exps[i];
    if (r <= 0) return i;
  }
  return exps.length - 1;
}

async function rollout(
  stepper: tf.LayersModel,
  note: number,
  states: States,
  remaining: number,
  melody: string[],
  temperature: number,
): Promise<string[]> {
  if (remaining === 0) return melody;
  const x = tf.oneHot(tf.tensor1d([note], 'int32'), N).toFloat().expandDims(0);
  const [probs, ...nextStates] = stepper.predict([x, ...states]) as tf.Tensor[];
  const next = sampleIndex(await probs.data(), temperature);
  tf.dispose([x, probs]);
  melody.push(NOTES[next]);
  const result = await rollout(stepper, next, states, remaining - 1, melody, temperature);
  tf.dispose(nextStates);
  return result;
}

export async function compose(stepper: tf.LayersModel, seed: string, length: number, temperature = 1.0): Promise<string[]> {
  const states = zeroStates();
  const first = NOTES.indexOf(seed);
  const melody = await rollout(stepper, first, states, length, [seed], temperature);
  tf.dispose(states);
  return melody;
}

async function main(): Promise<void> {
  const stepper = buildStepper();
  // tiny training pass on a scale pattern so the output is not pure noise
  const scale = [0, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1, 0, 7];
  const trainer = tf.sequential({
    layers: [
      tf.layers.rnn({
        cell: tf.layers.stackedRNNCells({ cells: SIZES.map((units) => tf.layers.gruCell({ units })) }),
        returnSequences: true,
        inputShape: [scale.length - 1, N],
      }),
      tf.layers.timeDistributed({ layer: tf.layers.dense({ units: N, activation: 'softmax' }) }),
    ],
  });
  trainer.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy' });
  const xs = tf.oneHot(tf.tensor2d([scale.slice(0, -1)], undefined, 'int32'), N).toFloat();
  const ys = tf.oneHot(tf.tensor2d([scale.slice(1)], undefined, 'int32'), N).toFloat();
  await trainer.fit(xs, ys, { epochs: 150, verbose: 0 });
  stepper.setWeights(trainer.getWeights());
  console.log((await compose(stepper, 'C', 15, 0.3)).join(' '));
  tf.dispose([xs, ys]);
}

main();
