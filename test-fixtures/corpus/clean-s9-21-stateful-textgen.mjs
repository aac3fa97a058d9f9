// expect: none
// nursery-rhyme generator: train a normal LSTM on windows, then copy the weights into a stateful twin for sampling
import * as tf from '@tensorflow/tfjs';

const TEXT = 'twinkle twinkle little star how i wonder what you are up above the world so high like a diamond in the sky ';
const chars = [...new Set(TEXT)].sort();
const V = chars.length;
const WIN = 10;
const UNITS = 32;

function oneHotSeq(str) {
  return [...str].map((ch) => {
    const row = new Array(V).fill(0);
    row[chars.indexOf(ch)] = 1;
    return row;
  });
}

function buildModel(stateful) {
  const m = tf.sequential();
  if (stateful) m.add(tf.layers.lstm({ units: UNITS, stateful: true, batchInputShape: [1, 1, V] }));
  else m.add(tf.layers.lstm({ units: UNITS, inputShape: [WIN, V] }));
  m.add(tf.layers.dense({ units: V, activation: 'softmax' }));
  return m;
}

const trainer = buildModel(false);
trainer.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
const sampler = buildModel(true);

async function train(epochs = 15) {
  const xs = [];
  const ys = [];
  for (let i = 0; i + WIN < TEXT.length; i++) {
    xs.push(oneHotSeq(TEXT.slice(i, i + WIN)));
    ys.push(oneHotSeq(TEXT[i + WIN])[0]);
  }
  const X = tf.tensor3d(xs);
  const Y = tf.tensor2d(ys);
  await trainer.fit(X, Y, {
    epochs,
    batchSize: 16,
    verbose: 0,
    callbacks: { onEpochEnd: async (ep, logs) => { if (ep % 5 === 0) console.log('epoch', ep, 'loss', logs.loss.toFixed(3)); await tf.nextFrame(); } },
  });
  X.dispose();
  Y.dispose();
  sampler.setWeights(trainer.getWeights());
}

function pickChar(probs, temperature) {
  const logits = probs.map((p) => Math.log(p + 1e-8) / temperature);
  const mx = Math.max(...logits);
  const ex = logits.map((l) => Math.exp(l - mx));
  const sum = ex.reduce((a, b) => a + b, 0);
  let r = Math.random() * sum;
  for (let i = 0; i < ex.length; i++) {
    r -= ex[i];
    if (r <= 0) return i;
  }
  return ex.length - 1;
}

async function generate(seed, n, temperature = 0.5) {
  sampler.resetStates(); // every sample starts from scratch
  let probs = null;
  for (const ch of seed) {
    const x = tf.tensor3d([oneHotSeq(ch)]);
    const y = sampler.predict(x);
    probs = Array.from(await y.data());
    tf.dispose([x, y]);
  }
  let out = seed;
  for (let i = 0; i < n; i++) {
    const idx = pickChar(probs, temperature);
    out += chars[idx];
    const x = tf.tensor3d([oneHotSeq(chars[idx])]);
    const y = sampler.predict(x);
    probs = Array.from(await y.data());
    tf.dispose([x, y]);
  }
  return out;
}

await train();
for (const seed of ['twinkle ', 'how i ', 'up above ']) {
  console.log(JSON.stringify(await generate(seed, 30)));
}
console.log('tensors', tf.memory().numTensors);
