// expect: unused-hidden-state
// IndRNN layers behind a generic Cell interface, stacked with a small combinator so deeper models stay easy to build.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  readonly name: string;
  zero(batch: number): S;
  step(x: tf.Tensor, state: S): readonly [tf.Tensor, S];
}

export interface IndRnnState {
  readonly h: tf.Tensor;
}

export interface IndRnnConfig {
  readonly inputSize: number;
  readonly units: number;
  readonly clip?: number;
  readonly seed?: number;
}

export class IndRnnCell implements Cell<IndRnnState> {
  readonly name: string;
  private readonly kernel: tf.Variable;
  private readonly recurrent: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly clip: number;

  constructor(private readonly cfg: IndRnnConfig, index: number) {
    const seed = (cfg.seed ?? 1) + index;
    this.name = `indrnn_${index}`;
    this.kernel = tf.variable(tf.randomUniform([cfg.inputSize, cfg.units], -0.5, 0.5, 'float32', seed));
    this.recurrent = tf.variable(tf.randomUniform([cfg.units], 0, 1, 'float32', seed + 100));
    this.bias = tf.variable(tf.zeros([cfg.units]));
    this.clip = cfg.clip ?? 2;
  }

  zero(batch: number): IndRnnState {
    return { h: tf.zeros([batch, this.cfg.units]) };
  }

  step(x: tf.Tensor, state: IndRnnState): readonly [tf.Tensor, IndRnnState] {
    const drive = tf.matMul(x, this.kernel);
    const memory = tf.mul(state.h, this.recurrent);
    const pre = tf.add(drive, this.bias);
    const h = tf.clipByValue(tf.relu(pre), 0, this.clip);
    return [h, { h }] as const;
  }

  variables(): tf.Variable[] {
    return [this.kernel, this.recurrent, this.bias];
  }
}

export type StackState<S> = readonly S[];

export function stack<S>(cells: readonly Cell<S>[]): Cell<StackState<S>> {
  return {
    name: cells.map((c) => c.name).join('+'),
    zero: (batch) => cells.map((c) => c.zero(batch)),
    step: (x, states) => {
      const next: S[] = [];
      let input = x;
      cells.forEach((cell, i) => {
        const [y, s] = cell.step(input, states[i]);
        next.push(s);
        input = y;
      });
      return [input, next] as const;
    },
  };
}

export function buildIndRnn(inputSize: number, units: number, depth: number): Cell<StackState<IndRnnState>> {
  const cells = Array.from({ length: depth }, (_, i) =>
    new IndRnnCell({ inputSize: i === 0 ? inputSize : units, units, seed: 42 }, i));
  return stack(cells);
}

export function encodeSequence<S>(cell: Cell<S>, frames: readonly tf.Tensor[]): tf.Tensor {
  return tf.tidy(() => {
    let state = cell.zero(frames[0].shape[0]);
    let last: tf.Tensor = tf.zeros([frames[0].shape[0], 1]);
    for (const frame of frames) {
      const [y, next] = cell.step(frame, state);
      state = next;
      last = y;
    }
    return last;
  });
}
