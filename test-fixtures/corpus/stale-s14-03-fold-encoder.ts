// expect: stale-state
// Generic fold over a sequence for any recurrent cell, plus an LSTM cell, used to encode sensor windows.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  init(batch: number): S;
  step(x: tf.Tensor, s: S): readonly [tf.Tensor, S];
}

export interface LstmState {
  readonly h: tf.Tensor;
  readonly c: tf.Tensor;
}

export interface Folded<S> {
  readonly outputs: readonly tf.Tensor[];
  readonly state: S;
}

export function foldSequence<S>(cell: Cell<S>, xs: readonly tf.Tensor[], s0: S): Folded<S> {
  return xs.reduce<Folded<S>>(
    (acc, x) => {
      const [y, s] = cell.step(x, s0);
      return { outputs: [...acc.outputs, y], state: s };
    },
    { outputs: [], state: s0 },
  );
}

export class LstmCell implements Cell<LstmState> {
  private readonly w: tf.Variable;
  private readonly u: tf.Variable;
  private readonly b: tf.Variable;

  constructor(private readonly inputDim: number, private readonly units: number, seed = 3) {
    this.w = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.3, 'float32', seed));
    this.u = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1));
    const forgetBias = tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]);
    this.b = tf.variable(forgetBias);
  }

  init(batch: number): LstmState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  step(x: tf.Tensor, { h, c }: LstmState): readonly [tf.Tensor, LstmState] {
    const z = tf.matMul(x, this.w).add(tf.matMul(h, this.u)).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const g = tf.tanh(zg);
    const o = tf.sigmoid(zo);
    const cNext = f.mul(c).add(i.mul(g));
    const hNext = o.mul(tf.tanh(cNext));
    return [hNext, { h: hNext, c: cNext }] as const;
  }

  get inputSize(): number {
    return this.inputDim;
  }
}

export function encodeWindows(cell: LstmCell, windows: number[][][]): number[][] {
  return tf.tidy(() => {
    const steps = windows[0].length;
    const frames = Array.from({ length: steps }, (_, t) =>
      tf.tensor2d(windows.map((w) => w[t])));
    const { state } = foldSequence(cell, frames, cell.init(windows.length));
    return state.h;
  }).arraySync() as number[][];
}

if (require.main === module) {
  const cell = new LstmCell(2, 5);
  const windows = [
    [[0.1, 0.2], [0.3, 0.1], [0.9, -0.2], [0.4, 0.4]],
    [[1.0, 0.0], [0.8, 0.1], [0.2, 0.5], [0.0, 0.9]],
  ];
  console.log(encodeWindows(cell, windows));
}
