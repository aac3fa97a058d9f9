// expect: none
// Abstract recurrent layer with a template-method forward pass, plus an LSTM implementation of it.
import * as tf from '@tensorflow/tfjs';

/** Hidden and cell state of an LSTM, both [batch, units]. */
export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

/**
 * Base class for recurrent layers. Subclasses only describe one step; the
 * unrolling, output stacking and memory management live here.
 */
export abstract class RecurrentLayer<S> {
  /** State used at t = 0. */
  protected abstract initialState(batch: number): S;
  /** Compute the state for one timestep. */
  protected abstract cellStep(x: tf.Tensor2D, state: S): S;
  /** Per-step output derived from a state. */
  protected abstract outputOf(state: S): tf.Tensor2D;
  /** Tensors making up a state, used to keep/dispose it. */
  protected abstract tensorsOf(state: S): tf.Tensor[];

  /**
   * Unrolls over [batch, time, features]. Returns the stacked outputs and the final
   * state; the final state is kept so callers can continue from it later.
   */
  forward(inputs: tf.Tensor3D, initial?: S): { outputs: tf.Tensor3D; state: S } {
    let finalState: S | undefined;
    const outputs = tf.tidy(() => {
      let state = initial ?? this.initialState(inputs.shape[0]);
      const ys: tf.Tensor2D[] = [];
      for (const x of tf.unstack(inputs, 1) as tf.Tensor2D[]) {
        state = this.cellStep(x, state);
        ys.push(this.outputOf(state));
      }
      this.tensorsOf(state).forEach(t => tf.keep(t));
      finalState = state;
      return tf.stack(ys, 1) as tf.Tensor3D;
    });
    if (finalState === undefined) {
      throw new Error('forward: no state produced');
    }
    return { outputs, state: finalState };
  }

  /** Release a state returned by forward(). */
  disposeState(state: S): void {
    tf.dispose(this.tensorsOf(state));
  }
}

/** Standard LSTM with fused gate kernels (i, f, g, o order). */
export class LstmLayer extends RecurrentLayer<LstmState> {
  private readonly kernel: tf.Variable;
  private readonly recurrentKernel: tf.Variable;
  private readonly bias: tf.Variable;

  constructor(readonly inputSize: number, readonly units: number, seed = 1) {
    super();
    this.kernel = tf.variable(tf.randomNormal([inputSize, 4 * units], 0, 0.2, 'float32', seed));
    this.recurrentKernel = tf.variable(
      tf.randomNormal([units, 4 * units], 0, 0.2, 'float32', seed + 1));
    // Forget-gate bias starts at 1 so early training keeps memory.
    this.bias = tf.variable(tf.concat([
      tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units]),
    ]));
  }

  protected initialState(batch: number): LstmState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  protected cellStep(x: tf.Tensor2D, { h, c }: LstmState): LstmState {
    const z = tf.matMul(x, this.kernel).add(tf.matMul(h, this.recurrentKernel)).add(this.bias);
    const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c: cNext };
  }

  protected outputOf(state: LstmState): tf.Tensor2D {
    return state.h;
  }

  protected tensorsOf(state: LstmState): tf.Tensor[] {
    return [state.h, state.c];
  }

  dispose(): void {
    tf.dispose([this.kernel, this.recurrentKernel, this.bias]);
  }
}
