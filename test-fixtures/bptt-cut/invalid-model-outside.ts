// A GRU encoder and a dense head trained together in a custom loop.
import * as tf from '@tensorflow/tfjs';

const seqIn = tf.input({ shape: [20, 3] });
const encoded = tf.layers.gru({ units: 16 }).apply(seqIn) as tf.SymbolicTensor;
const encoder = tf.model({ inputs: seqIn, outputs: encoded });
const head = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [16] })] });
const optimizer = tf.train.adam(0.005);

function trainableVariables(): tf.Variable[] {
  return [...encoder.trainableWeights, ...head.trainableWeights].map((w) => w.read() as tf.Variable);
}

export function trainStep(xs: tf.Tensor3D, ys: tf.Tensor2D): void {
  const state = encoder.predict(xs) as tf.Tensor;
  //            ~~~~~~~~~~~~~~~~~~~ bptt-cut
  const { value, grads } = tf.variableGrads(
    () => tf.losses.sigmoidCrossEntropy(ys, head.apply(state) as tf.Tensor) as tf.Scalar,
    trainableVariables(),
  );
  optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
  tf.dispose([state, value]);
}

export function trainWithList(xs: tf.Tensor3D, ys: tf.Tensor2D): void {
  const vars = encoder.trainableWeights.map((w) => w.read() as tf.Variable).concat(head.trainableWeights.map((w) => w.read() as tf.Variable));
  const features = encoder.predict(xs) as tf.Tensor;
  //               ~~~~~~~~~~~~~~~~~~~ bptt-cut
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, head.apply(features) as tf.Tensor) as tf.Scalar, true, vars);
}
