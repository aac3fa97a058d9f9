// expect: returns-input-state
// Generic recurrent-cell library: cells share a StepResult contract and a mixin adds unrolling.
import * as tf from '@tensorflow/tfjs';

export interface StepResult<S> {
  output: tf.Tensor2D;
  state: S;
}

export interface Steppable<S> {
  call(x: tf.Tensor2D, state: S): StepResult<S>;
  initialState(batch: number): S;
}

type Ctor<T> = new (...args: any[]) => T;

export function Unrollable<S, TBase extends Ctor<Steppable<S>>>(Base: TBase) {
  return class extends Base {
    unroll(xs: tf.Tensor2D[], batch: number): StepResult<S>[] {
      let state = this.initialState(batch);
      const results: StepResult<S>[] = [];
      for (const x of xs) {
        const r = this.call(x, state);
        results.push(r);
        state = r.state;
      }
      return results;
    }
  };
}

export class MinimalGRU implements Steppable<tf.Tensor2D> {
  protected wz: tf.Tensor2D;
  protected uz: tf.Tensor2D;
  protected wh: tf.Tensor2D;
  protected uh: tf.Tensor2D;

  constructor(
    readonly inputSize: number,
    readonly units: number,
  ) {
    const r = (s: [number, number], seed: number) => tf.randomNormal(s, 0, 0.4, 'float32', seed) as tf.Tensor2D;
    this.wz = r([inputSize, units], 81);
    this.uz = r([units, units], 82);
    this.wh = r([inputSize, units], 83);
    this.uh = r([units, units], 84);
  }

  initialState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }

  call(x: tf.Tensor2D, state: tf.Tensor2D): StepResult<tf.Tensor2D> {
    const z = tf.sigmoid(tf.matMul(x, this.wz).add(tf.matMul(state, this.uz)));
    const cand = tf.tanh(tf.matMul(x, this.wh).add(tf.matMul(z.mul(state), this.uh)));
    const output = tf.sub(1, z).mul(state).add(z.mul(cand)) as tf.Tensor2D;
    return { output, state };
  }
}

export class SequenceGRU extends Unrollable<tf.Tensor2D, typeof MinimalGRU>(MinimalGRU) {
  encode(xs: tf.Tensor2D[]): tf.Tensor2D {
    const results = this.unroll(xs, xs[0].shape[0]);
    return results[results.length - 1].output;
  }
}

export function demo(): void {
  const gru = new SequenceGRU(3, 6);
  const xs = [1, 2, 3, 4].map((s) => tf.randomNormal([2, 3], 0, 1, 'float32', s) as tf.Tensor2D);
  gru.encode(xs).print();
}
