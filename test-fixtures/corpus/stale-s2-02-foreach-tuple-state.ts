// expect: stale-state
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];
type LSTMStep = (x: tf.Tensor2D, state: State) => State;

export function runLSTM(steps: tf.Tensor2D[], cell: LSTMStep, units: number): tf.Tensor3D {
  const batch = steps[0].shape[0];
  let state: State = [tf.zeros([batch, units]), tf.zeros([batch, units])];
  const hs: tf.Tensor2D[] = [];

  steps.forEach((xt) => {
    const [h, c] = cell(xt, state);
    hs.push(h);
  });

  return tf.stack(hs, 1) as tf.Tensor3D;
}

export function lastHidden(steps: tf.Tensor2D[], cell: LSTMStep, units: number): tf.Tensor2D {
  const seq = runLSTM(steps, cell, units);
  const T = seq.shape[1];
  return seq.slice([0, T - 1, 0], [-1, 1, -1]).squeeze([1]) as tf.Tensor2D;
}
