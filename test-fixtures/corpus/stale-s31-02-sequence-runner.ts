// expect: stale-state
// Generic sequence runner: drives any injected recurrent cell over a [time, batch, features] tensor.
import * as tf from '@tensorflow/tfjs';

/** A recurrent cell whose state can be any structure S (tensor, tuple, record...). */
export interface Cell<S> {
  initialState(batch: number): S;
  step(input: tf.Tensor2D, state: S): { output: tf.Tensor2D; state: S };
}

export interface RunnerOptions {
  /** Return every timestep's output instead of only the last one. Default false. */
  returnSequences?: boolean;
  /** Walk the time axis from the end. Default false. */
  reverse?: boolean;
}

export interface RunResult<S> {
  /** [time, batch, units] when returnSequences, otherwise [batch, units]. */
  outputs: tf.Tensor;
  finalState: S;
}

/**
 * Runner that owns no weights: the cell is injected, which keeps the loop logic
 * reusable across cell implementations and easy to test with fakes.
 */
export class SequenceRunner<S> {
  private readonly opts: Required<RunnerOptions>;
  /** Most recent state produced by the cell (handy for streaming callers). */
  lastState: S | null = null;

  constructor(private readonly cell: Cell<S>, options: RunnerOptions = {}) {
    this.opts = {
      returnSequences: options.returnSequences ?? false,
      reverse: options.reverse ?? false,
    };
  }

  run(sequence: tf.Tensor3D, initial?: S): RunResult<S> {
    const [steps, batch] = sequence.shape;
    if (steps === 0) {
      throw new Error('SequenceRunner.run: empty sequence');
    }
    const state = initial ?? this.cell.initialState(batch);
    const slices = tf.unstack(sequence) as tf.Tensor2D[];
    if (this.opts.reverse) {
      slices.reverse();
    }

    const outputs: tf.Tensor2D[] = [];
    for (const xt of slices) {
      const result = this.cell.step(xt, state);
      outputs.push(result.output);
      this.lastState = result.state;
    }

    const stacked = this.opts.returnSequences
      ? tf.stack(outputs)
      : outputs[outputs.length - 1].clone();
    tf.dispose([...slices, ...outputs]);
    return { outputs: stacked, finalState: this.lastState ?? state };
  }
}

/** Reference cell used by the examples: h' = tanh(x W + h U). */
export class TanhCell implements Cell<tf.Tensor2D> {
  private readonly w: tf.Tensor2D;
  private readonly u: tf.Tensor2D;

  constructor(inputSize: number, private readonly units: number, seed = 3) {
    this.w = tf.randomNormal([inputSize, units], 0, 0.5, 'float32', seed);
    this.u = tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1);
  }

  initialState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }

  step(input: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D } {
    const h = tf.tidy(() => tf.tanh(input.matMul(this.w).add(state.matMul(this.u))) as tf.Tensor2D);
    return { output: h.clone(), state: h };
  }
}
