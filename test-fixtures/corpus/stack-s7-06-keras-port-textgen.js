// expect: stacked-activation
// Port of the Keras lstm_text_generation example: learns from sliding character windows and prints samples after each epoch.
const fs = require('fs');
const tf = require('@tensorflow/tfjs');

const MAXLEN = 40;
const STEP = 3;

function prepare(text) {
  const chars = Array.from(new Set(text)).sort();
  const charIndices = new Map(chars.map((c, i) => [c, i]));
  const sentences = [];
  const nextChars = [];
  for (let i = 0; i < text.length - MAXLEN; i += STEP) {
    sentences.push(text.slice(i, i + MAXLEN));
    nextChars.push(text[i + MAXLEN]);
  }
  const x = tf.buffer([sentences.length, MAXLEN, chars.length]);
  const y = tf.buffer([sentences.length, chars.length]);
  sentences.forEach((s, i) => {
    for (let t = 0; t < s.length; t++) x.set(1, i, t, charIndices.get(s[t]));
    y.set(1, i, charIndices.get(nextChars[i]));
  });
  return { chars, charIndices, x: x.toTensor(), y: y.toTensor() };
}

function buildModel(numChars) {
  // model = Sequential()
  // model.add(LSTM(128, input_shape=(maxlen, len(chars))))
  // model.add(Dense(len(chars)))
  // model.add(Activation('softmax'))
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 128, inputShape: [MAXLEN, numChars] }));
  model.add(tf.layers.dense({ units: numChars, activation: 'softmax' }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: tf.train.rmsprop(0.01) });
  return model;
}

// helper function to sample an index from a probability array
function sample(preds, temperature) {
  const logp = preds.map((p) => Math.log(Math.max(p, 1e-12)) / temperature);
  const maxLog = Math.max(...logp);
  const exp = logp.map((l) => Math.exp(l - maxLog));
  const sum = exp.reduce((a, b) => a + b, 0);
  let r = Math.random() * sum;
  for (let i = 0; i < exp.length; i++) {
    r -= exp[i];
    if (r <= 0) return i;
  }
  return exp.length - 1;
}

function generate(model, data, seed, length, temperature) {
  let sentence = seed;
  let generated = '';
  for (let i = 0; i < length; i++) {
    const probs = tf.tidy(() => {
      const x = tf.buffer([1, MAXLEN, data.chars.length]);
      for (let t = 0; t < sentence.length; t++) x.set(1, 0, t, data.charIndices.get(sentence[t]));
      return model.predict(x.toTensor()).dataSync();
    });
    const next = data.chars[sample(Array.from(probs), temperature)];
    generated += next;
    sentence = sentence.slice(1) + next;
  }
  return generated;
}

async function main() {
  const file = process.argv[2] || 'nietzsche.txt';
  const text = fs.readFileSync(file, 'utf8').toLowerCase();
  console.log('corpus length:', text.length);
  const data = prepare(text);
  console.log('total chars:', data.chars.length);
  const model = buildModel(data.chars.length);

  await model.fit(data.x, data.y, {
    batchSize: 128,
    epochs: 60,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        console.log(`----- Generating text after Epoch: ${epoch} (loss ${logs.loss.toFixed(4)})`);
        const start = Math.floor(Math.random() * (text.length - MAXLEN - 1));
        const seed = text.slice(start, start + MAXLEN);
        for (const diversity of [0.2, 0.5, 1.0, 1.2]) {
          console.log(`----- diversity: ${diversity}`);
          console.log(seed + generate(model, data, seed, 400, diversity));
        }
      },
    },
  });
}

main();
