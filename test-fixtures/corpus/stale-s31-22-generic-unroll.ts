// expect: stale-state
// Generic, cell-agnostic unroll utilities with typed state and an optional per-step observer.
import * as tf from '@tensorflow/tfjs';

/** Step function contract: (input at t, state at t-1) -> output at t and state at t. */
export interface StepFn<S> {
  (x: tf.Tensor2D, state: S): { output: tf.Tensor2D; state: S };
}

export interface UnrollOptions<S> {
  /** Observer called after every step, e.g. for logging or visualisation. */
  onStep?: (t: number, output: tf.Tensor2D, state: S) => void;
}

export interface Unrolled<S> {
  outputs: tf.Tensor2D[];
  state: S;
}

/**
 * Unrolls `step` over a list of per-timestep inputs starting from `init`.
 * The caller owns all returned tensors.
 */
export function unroll<S>(
  step: StepFn<S>,
  inputs: readonly tf.Tensor2D[],
  init: S,
  options: UnrollOptions<S> = {},
): Unrolled<S> {
  return inputs.reduce<Unrolled<S>>((acc, x, t) => {
    const { output, state } = step(x, init);
    options.onStep?.(t, output, state);
    acc.outputs.push(output);
    acc.state = state;
    return acc;
  }, { outputs: [], state: init });
}

/** LSTM state record. */
export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

/** Builds an LSTM step function bound to the given weights. */
export function lstmStep(kernel: tf.Tensor2D, recurrent: tf.Tensor2D, bias: tf.Tensor1D): StepFn<LstmState> {
  return (x, { h, c }) => {
    const z = x.matMul(kernel).add(h.matMul(recurrent)).add(bias);
    const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return { output: hNew, state: { h: hNew, c: cNew } };
  };
}

/**
 * Convenience wrapper: encodes a [batch, time, features] tensor with an LSTM and
 * returns the stacked outputs [batch, time, units] plus the final state.
 */
export function encodeLstm(
  inputs: tf.Tensor3D,
  weights: { kernel: tf.Tensor2D; recurrent: tf.Tensor2D; bias: tf.Tensor1D },
): { outputs: tf.Tensor3D; state: LstmState } {
  const units = weights.recurrent.shape[0];
  let final: LstmState | null = null;
  const outputs = tf.tidy(() => {
    const batch = inputs.shape[0];
    const init: LstmState = { h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) };
    const xs = tf.unstack(inputs, 1) as tf.Tensor2D[];
    const res = unroll(lstmStep(weights.kernel, weights.recurrent, weights.bias), xs, init);
    final = { h: tf.keep(res.state.h), c: tf.keep(res.state.c) };
    return tf.stack(res.outputs, 1) as tf.Tensor3D;
  });
  if (!final) throw new Error('encodeLstm: empty input');
  return { outputs, state: final };
}
