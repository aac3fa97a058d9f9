// expect: returns-input-state
// Plugin registry of recurrent cell implementations; sequence encoders look cells up by name and fold them over time.
import * as tf from '@tensorflow/tfjs';

export type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export interface RecurrentCell<S> {
  readonly units: number;
  zeroState(batch: number): S;
  step(x: tf.Tensor2D, state: S): { y: tf.Tensor2D; state: S };
}

type CellFactory = (inputDim: number, units: number) => RecurrentCell<LstmState>;

const registry = new Map<string, CellFactory>();

export function registerCell(name: string, factory: CellFactory): void {
  if (registry.has(name)) throw new Error(`cell "${name}" already registered`);
  registry.set(name, factory);
}

export function createCell(name: string, inputDim: number, units: number): RecurrentCell<LstmState> {
  const factory = registry.get(name);
  if (!factory) throw new Error(`unknown cell "${name}"; known: ${[...registry.keys()].join(', ')}`);
  return factory(inputDim, units);
}

class LstmCell implements RecurrentCell<LstmState> {
  private readonly W: tf.Tensor2D;
  private readonly U: tf.Tensor2D;
  private readonly b: tf.Tensor1D;

  constructor(inputDim: number, readonly units: number, seed = 17) {
    this.W = tf.randomNormal([inputDim, 4 * units], 0, 0.3, 'float32', seed);
    this.U = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1);
    this.b = tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]);
  }

  zeroState(batch: number): LstmState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  step(x: tf.Tensor2D, { h, c }: LstmState): { y: tf.Tensor2D; state: LstmState } {
    return tf.tidy(() => {
      const z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
      return { y: hNext, state: { h: hNext, c } };
    });
  }
}

registerCell('lstm', (inputDim, units) => new LstmCell(inputDim, units));

// xs: [batch, time, features]
export function encode(cellName: string, xs: tf.Tensor3D, units: number): { outputs: tf.Tensor3D; final: LstmState } {
  const [batch, , features] = xs.shape;
  const cell = createCell(cellName, features, units);
  const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
  const initial = cell.zeroState(batch);
  let state = initial;
  const ys: tf.Tensor2D[] = [];
  for (const x of steps) {
    const { y, state: next } = cell.step(x, state);
    ys.push(y);
    if (next.c !== state.c) state.c.dispose();
    state = next;
  }
  const outputs = tf.stack(ys, 1) as tf.Tensor3D;
  tf.dispose([...ys.filter((y) => y !== state.h), ...steps]);
  if (initial.h !== state.h) initial.h.dispose();
  return { outputs, final: state };
}
