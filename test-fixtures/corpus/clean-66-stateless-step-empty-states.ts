// expect: none
// A per-timestep wrapper built on a generic unroll helper: its step function has the (x, states)
// signature the helper requires, but carries no state on purpose (it starts with [] and returns [])
// (reduced from a false positive on tfjs-layers' TimeDistributed).
import * as tf from '@tensorflow/tfjs';

type Step = (x: tf.Tensor, states: tf.Tensor[]) => [tf.Tensor, tf.Tensor[]];

function unrollOverTime(step: Step, inputs: tf.Tensor3D, initial: tf.Tensor[]): tf.Tensor {
  const outputs: tf.Tensor[] = [];
  let states = initial;
  for (const x of tf.unstack(inputs, 1)) {
    const [y, next] = step(x, states);
    outputs.push(y);
    states = next;
  }
  return tf.stack(outputs, 1);
}

export function timeDistributed(layer: tf.layers.Layer, inputs: tf.Tensor3D): tf.Tensor {
  return tf.tidy(() => {
    const perStep: Step = (x: tf.Tensor, states: tf.Tensor[]) => {
      const y = layer.apply(x) as tf.Tensor;
      return [y, []];
    };
    return unrollOverTime(perStep, inputs, []);
  });
}
