// A pretrained GRU encoder kept frozen (run outside the tape, its weights not trained), and the
// same encoder fine-tuned with the head (run inside the closure).
import * as tf from '@tensorflow/tfjs';

const seqIn = tf.input({ shape: [20, 3] });
const encoded = tf.layers.gru({ units: 16 }).apply(seqIn) as tf.SymbolicTensor;
const encoder = tf.model({ inputs: seqIn, outputs: encoded });
const head = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [16] })] });
const optimizer = tf.train.adam(0.005);

export function trainHeadOnly(xs: tf.Tensor3D, ys: tf.Tensor2D): void {
  const features = encoder.predict(xs) as tf.Tensor;
  const headVars = head.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(
    () => tf.losses.sigmoidCrossEntropy(ys, head.apply(features) as tf.Tensor) as tf.Scalar,
    headVars,
  );
  optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
  tf.dispose([features, value]);
}

export function fineTune(xs: tf.Tensor3D, ys: tf.Tensor2D): void {
  const vars = [...encoder.trainableWeights, ...head.trainableWeights].map((w) => w.read() as tf.Variable);
  optimizer.minimize(() => {
    const state = encoder.apply(xs) as tf.Tensor;
    return tf.losses.sigmoidCrossEntropy(ys, head.apply(state) as tf.Tensor) as tf.Scalar;
  }, false, vars);
}

export function trainHeadWithList(xs: tf.Tensor3D, ys: tf.Tensor2D): void {
  const vars = head.trainableWeights.map((w) => w.read() as tf.Variable);
  const features = encoder.predict(xs) as tf.Tensor;
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, head.apply(features) as tf.Tensor) as tf.Scalar, true, vars);
}
