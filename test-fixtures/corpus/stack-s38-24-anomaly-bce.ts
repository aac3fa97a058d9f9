// expect: stacked-activation
// Custom training loop for a GRU fraud detector with resumable IndexedDB checkpoints every few epochs.
import * as tf from '@tensorflow/tfjs';

const CKPT_URL = 'indexeddb://fraud-gru';
const META_KEY = 'fraud-gru-meta';
const SEQ_LEN = 30;
const FEATURES = 12;

function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 48, inputShape: [SEQ_LEN, FEATURES], recurrentDropout: 0 }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

async function resume(): Promise<{ model: tf.LayersModel; startEpoch: number }> {
  const meta = localStorage.getItem(META_KEY);
  if (meta) {
    try {
      const model = await tf.loadLayersModel(CKPT_URL);
      return { model, startEpoch: JSON.parse(meta).epoch + 1 };
    } catch (err) {
      console.warn('checkpoint unreadable, starting fresh', err);
    }
  }
  return { model: buildModel(), startEpoch: 0 };
}

export async function train(xs: tf.Tensor3D, ys: tf.Tensor2D, epochs = 25): Promise<tf.LayersModel> {
  const { model, startEpoch } = await resume();
  const optimizer = tf.train.adam(5e-4);
  const n = xs.shape[0];
  const batchSize = 128;
  const posWeight = 20;

  for (let epoch = startEpoch; epoch < epochs; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const cost = tf.tidy(() => {
        const xb = xs.slice([start, 0, 0], [size, SEQ_LEN, FEATURES]);
        const yb = ys.slice([start, 0], [size, 1]);
        const weights = tf.add(1, tf.mul(yb, posWeight - 1));
        return optimizer.minimize(() => {
          const scores = model.apply(xb, { training: true }) as tf.Tensor2D;
          return tf.losses.sigmoidCrossEntropy(yb, scores, weights) as tf.Scalar;
        }, true) as tf.Scalar;
      });
      epochLoss += (await cost.data())[0] * size;
      cost.dispose();
    }

    if (epoch % 5 === 4 || epoch === epochs - 1) {
      await model.save(CKPT_URL);
      localStorage.setItem(META_KEY, JSON.stringify({ epoch, savedAt: Date.now() }));
    }
    console.log(`epoch ${epoch}: loss=${(epochLoss / n).toFixed(5)} tensors=${tf.memory().numTensors}`);
  }
  return model;
}

export async function scoreTransactions(model: tf.LayersModel, batch: number[][][]): Promise<number[]> {
  const probs = tf.tidy(() => model.predict(tf.tensor3d(batch, [batch.length, SEQ_LEN, FEATURES])) as tf.Tensor2D);
  const values = Array.from(await probs.data());
  probs.dispose();
  return values;
}
