// expect: none
// Train a char GRU with model.fit, then copy the weights into a stateful batch-1 twin for fast char-by-char generation.
import * as tf from '@tensorflow/tfjs';

const text = 'roses are red violets are blue sugar is sweet and so are you '.repeat(3);
const vocab = [...new Set(text)].sort();
const V = vocab.length;
const SEQ = 12;
const UNITS = 48;

function buildModel({ stateful, batchSize }) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: V, outputDim: 16, batchInputShape: [batchSize, stateful ? 1 : SEQ] }));
  model.add(tf.layers.gru({ units: UNITS, returnSequences: true, stateful }));
  model.add(tf.layers.dense({ units: V }));
  return model;
}

function makeDataset() {
  const xs = [];
  const ys = [];
  for (let i = 0; i + SEQ + 1 < text.length; i += 2) {
    xs.push([...text.slice(i, i + SEQ)].map((c) => vocab.indexOf(c)));
    ys.push([...text.slice(i + 1, i + SEQ + 1)].map((c) => vocab.indexOf(c)));
  }
  return { x: tf.tensor2d(xs), y: tf.oneHot(tf.tensor2d(ys, undefined, 'int32'), V) };
}

export async function trainModel(epochs = 12) {
  const model = buildModel({ stateful: false, batchSize: null });
  model.compile({
    optimizer: tf.train.adam(0.01),
    // logits out of the dense layer, softmax applied inside the loss
    loss: (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
  });
  const { x, y } = makeDataset();
  await model.fit(x, y, {
    epochs,
    batchSize: 16,
    shuffle: true,
    verbose: 0,
    callbacks: { onEpochEnd: (epoch, logs) => { if (epoch % 4 === 0) console.log(`epoch ${epoch} loss ${logs.loss.toFixed(4)}`); } },
  });
  tf.dispose([x, y]);
  return model;
}

export function makeGenerator(trained) {
  const gen = buildModel({ stateful: true, batchSize: 1 });
  gen.setWeights(trained.getWeights());

  // every prompt is a new, unrelated request: start from a zero state
  async function complete(prompt, n = 30, temperature = 0.6) {
    gen.resetStates();
    let logits = null;
    for (const ch of prompt) {
      if (logits) logits.dispose();
      logits = tf.tidy(() => gen.predict(tf.tensor2d([[Math.max(0, vocab.indexOf(ch))]])).reshape([1, V]));
    }
    let out = '';
    for (let i = 0; i < n; i++) {
      const next = tf.tidy(() => tf.multinomial(logits.div(temperature), 1).dataSync()[0]);
      logits.dispose();
      out += vocab[next];
      logits = tf.tidy(() => gen.predict(tf.tensor2d([[next]])).reshape([1, V]));
    }
    logits.dispose();
    return out;
  }

  return { complete, model: gen };
}

export async function main() {
  const trained = await trainModel();
  const { complete } = makeGenerator(trained);
  for (const prompt of ['roses ', 'sugar is ', 'violets ']) {
    console.log(JSON.stringify(prompt), '->', JSON.stringify(await complete(prompt)));
  }
}

main();
