// Look-alikes of a resumed checkpoint that stay silent: the model built here ends in a linear
// layer (the loss gets logits); and a model loaded from an address the file never saves to (a
// pretrained model from a server) may end in anything, so it does not count as the built one.
import * as tf from '@tensorflow/tfjs';

const CHECKPOINT = 'indexeddb://detector';
const PRETRAINED = 'https://example.com/detector/model.json';

function buildLogits(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [10, 4] }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

function buildProbs(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [10, 4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

async function resume(): Promise<{ model: tf.LayersModel; firstEpoch: number }> {
  const saved = localStorage.getItem('detector-epoch');
  if (saved !== null) {
    const model = await tf.loadLayersModel(CHECKPOINT);
    return { model, firstEpoch: Number(saved) + 1 };
  }
  return { model: buildLogits(), firstEpoch: 0 };
}

async function startFrom(usePretrained: boolean): Promise<{ model: tf.LayersModel }> {
  if (usePretrained) {
    const model = await tf.loadLayersModel(PRETRAINED);
    return { model };
  }
  return { model: buildProbs() };
}

export async function train(xs: tf.Tensor3D, ys: tf.Tensor2D, epochs: number): Promise<void> {
  const { model, firstEpoch } = await resume();
  const optimizer = tf.train.adam(1e-3);
  for (let epoch = firstEpoch; epoch < epochs; epoch++) {
    optimizer.minimize(() => {
      const scores = model.apply(xs, { training: true }) as tf.Tensor2D;
      return tf.losses.sigmoidCrossEntropy(ys, scores) as tf.Scalar;
    });
    await model.save(CHECKPOINT);
    localStorage.setItem('detector-epoch', String(epoch));
  }
}

export async function fineTune(xs: tf.Tensor3D, ys: tf.Tensor2D, usePretrained: boolean): Promise<void> {
  const { model } = await startFrom(usePretrained);
  const optimizer = tf.train.adam(1e-4);
  optimizer.minimize(() => {
    const scores = model.apply(xs, { training: true }) as tf.Tensor2D;
    return tf.losses.sigmoidCrossEntropy(ys, scores) as tf.Scalar;
  });
}
