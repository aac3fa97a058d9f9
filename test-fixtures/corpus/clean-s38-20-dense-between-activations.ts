// expect: none
// Trains a GRU sentiment-and-toxicity model with a custom loop and checkpoints it to localStorage after each epoch.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 8000;
const MAX_LEN = 80;
const CLASSES = 3;
const CKPT_URL = 'localstorage://review-gru';

export function buildModel(): tf.LayersModel {
  const tokens = tf.input({ shape: [MAX_LEN], dtype: 'int32' });
  const emb = tf.layers.embedding({ inputDim: VOCAB, outputDim: 64, maskZero: true }).apply(tokens);
  const encoded = tf.layers.gru({ units: 64 }).apply(emb) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(encoded) as tf.SymbolicTensor;
  const sentimentLogits = tf.layers.dense({ units: CLASSES, name: 'sentiment' }).apply(hidden) as tf.SymbolicTensor;
  const toxicLogit = tf.layers.dense({ units: 1, name: 'toxic' }).apply(hidden) as tf.SymbolicTensor;
  return tf.model({ inputs: tokens, outputs: [sentimentLogits, toxicLogit] });
}

async function loadOrBuild(): Promise<tf.LayersModel> {
  const models = await tf.io.listModels();
  return CKPT_URL in models ? tf.loadLayersModel(CKPT_URL) : buildModel();
}

export async function train(xs: tf.Tensor2D, sentiment: tf.Tensor2D, toxic: tf.Tensor2D, epochs = 4): Promise<tf.LayersModel> {
  const model = await loadOrBuild();
  const optimizer = tf.train.adam(1e-3);
  const n = xs.shape[0];
  const batch = 64;

  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (let start = 0; start < n; start += batch) {
      const size = Math.min(batch, n - start);
      const loss = tf.tidy(() => {
        const xb = xs.slice([start, 0], [size, MAX_LEN]);
        const sb = sentiment.slice([start, 0], [size, CLASSES]);
        const tb = toxic.slice([start, 0], [size, 1]);
        return optimizer.minimize(() => {
          const [sLogits, tLogit] = model.apply(xb, { training: true }) as tf.Tensor[];
          const sLoss = tf.losses.softmaxCrossEntropy(sb, sLogits);
          const tLoss = tf.losses.sigmoidCrossEntropy(tb, tLogit);
          return tf.add(sLoss, tf.mul(0.5, tLoss)) as tf.Scalar;
        }, true) as tf.Scalar;
      });
      sum += (await loss.data())[0] * size;
      loss.dispose();
    }
    await model.save(CKPT_URL);
    console.log(`epoch ${epoch}: loss ${(sum / n).toFixed(4)}, tensors ${tf.memory().numTensors}`);
  }
  return model;
}

export function predict(model: tf.LayersModel, ids: number[]): { sentiment: number[]; toxic: number } {
  return tf.tidy(() => {
    const padded = ids.slice(0, MAX_LEN).concat(new Array(Math.max(0, MAX_LEN - ids.length)).fill(0));
    const [sLogits, tLogit] = model.predict(tf.tensor2d([padded], [1, MAX_LEN], 'int32')) as tf.Tensor[];
    return {
      sentiment: Array.from(tf.softmax(sLogits).dataSync()),
      toxic: tf.sigmoid(tLogit).dataSync()[0],
    };
  });
}
