// expect: none
// Word-level LSTM LM whose output layer is linear (logits); training uses softmaxCrossEntropy on logits and sampling applies a single tf.softmax after temperature scaling; the relu projection feeds the LSTM input, not its state.
import * as tf from '@tensorflow/tfjs';

const CONTEXT = 12;

export function buildLanguageModel(vocab, units = 96) {
  const tokens = tf.input({ shape: [CONTEXT], dtype: 'int32' });
  let x = tf.layers.embedding({ inputDim: vocab, outputDim: 64 }).apply(tokens);
  x = tf.layers.dense({ units: 64, activation: 'relu' }).apply(x);
  x = tf.layers.lstm({ units, returnSequences: false }).apply(x);
  const logits = tf.layers.dense({ units: vocab, activation: 'linear', name: 'logits' }).apply(x);
  return tf.model({ inputs: tokens, outputs: logits });
}

export async function train(model, xs, ys, epochs = 3) {
  const optimizer = tf.train.adam(2e-3);
  const batchSize = 32;
  const n = xs.shape[0];
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    let batches = 0;
    for (let i = 0; i < n; i += batchSize) {
      const size = Math.min(batchSize, n - i);
      const cost = tf.tidy(() => {
        const xb = xs.slice([i, 0], [size, CONTEXT]);
        const yb = ys.slice([i, 0], [size, -1]);
        return optimizer.minimize(
          () => tf.losses.softmaxCrossEntropy(yb, /** @type {tf.Tensor} */ (model.apply(xb, { training: true }))),
          true,
        );
      });
      total += (await cost.data())[0];
      cost.dispose();
      batches++;
    }
    console.log(`epoch ${e}: ${(total / batches).toFixed(4)}`);
  }
}

/**
 * @param {tf.LayersModel} model
 * @param {number[]} prompt
 * @param {number} steps
 * @param {number} temperature
 */
export function sample(model, prompt, steps, temperature = 0.8) {
  const ctx = prompt.slice(-CONTEXT);
  while (ctx.length < CONTEXT) ctx.unshift(0);
  const generated = [];
  for (let s = 0; s < steps; s++) {
    const next = tf.tidy(() => {
      const logits = /** @type {tf.Tensor2D} */ (model.predict(tf.tensor2d([ctx], [1, CONTEXT], 'int32')));
      const probs = tf.softmax(logits.div(temperature));
      return tf.multinomial(probs, 1, undefined, true).dataSync()[0];
    });
    generated.push(next);
    ctx.shift();
    ctx.push(next);
  }
  return generated;
}

export async function demo() {
  const vocab = 30;
  const corpus = Array.from({ length: 400 }, (_, i) => (i * 7) % vocab);
  const xs = [];
  const ys = [];
  for (let i = 0; i + CONTEXT < corpus.length; i++) {
    xs.push(corpus.slice(i, i + CONTEXT));
    ys.push(corpus[i + CONTEXT]);
  }
  const model = buildLanguageModel(vocab, 32);
  const xT = tf.tensor2d(xs, undefined, 'int32');
  const yT = tf.oneHot(tf.tensor1d(ys, 'int32'), vocab);
  await train(model, xT, yT, 2);
  return sample(model, corpus.slice(0, CONTEXT), 10);
}
