// A training loop resumes from the checkpoint it saves every few epochs, or builds the model
// afresh. Either way the model ends in a sigmoid layer, and its output is given to a loss that
// applies its own sigmoid.
import * as tf from '@tensorflow/tfjs';

const CHECKPOINT = 'indexeddb://detector';

function buildDetector(): tf.LayersModel {
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
  return { model: buildDetector(), firstEpoch: 0 };
}

export async function train(xs: tf.Tensor3D, ys: tf.Tensor2D, epochs: number): Promise<void> {
  const { model, firstEpoch } = await resume();
  const optimizer = tf.train.adam(1e-3);
  for (let epoch = firstEpoch; epoch < epochs; epoch++) {
    optimizer.minimize(() => {
      const scores = model.apply(xs, { training: true }) as tf.Tensor2D;
      return tf.losses.sigmoidCrossEntropy(ys, scores) as tf.Scalar;
      //                                       ~~~~~~ stacked-activation
    });
    await model.save(CHECKPOINT);
    localStorage.setItem('detector-epoch', String(epoch));
  }
}
