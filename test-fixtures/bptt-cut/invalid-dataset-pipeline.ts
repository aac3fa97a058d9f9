// The RNN encodes each window inside the dataset's map, outside variableGrads: the encoder gets no gradient.
import * as tf from '@tensorflow/tfjs';

const wx = tf.variable(tf.randomNormal([2, 8]));
const wh = tf.variable(tf.randomNormal([8, 8]));
const wOut = tf.variable(tf.randomNormal([8, 1]));

type Window = { xs: tf.Tensor2D; y: tf.Tensor1D };

function encode(xs: tf.Tensor2D): tf.Tensor1D {
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  for (const row of tf.unstack(xs)) {
    h = tf.tanh(row.reshape([1, 2]).matMul(wx).add(h.matMul(wh)));
  }
  return h.reshape([8]) as tf.Tensor1D;
}

function* windows(): Generator<Window> {
  yield { xs: tf.randomNormal([10, 2]), y: tf.ones([1]) };
}

function makeDataset(): tf.data.Dataset<{ h: tf.Tensor2D; y: tf.Tensor2D }> {
  return tf.data
    .generator(windows)
    .map((w) => {
      const { xs, y } = w as Window;
      return { h: encode(xs), y };
    })
    .batch(4) as unknown as tf.data.Dataset<{ h: tf.Tensor2D; y: tf.Tensor2D }>;
}

export async function train(): Promise<void> {
  const optimizer = tf.train.rmsprop(0.01);
  await makeDataset().forEachAsync(({ h, y }) => {
    const { grads } = tf.variableGrads(() => tf.losses.sigmoidCrossEntropy(y, h.matMul(wOut)) as tf.Scalar);
//                                                                            ~ bptt-cut
    optimizer.applyGradients(grads);
  });
}
