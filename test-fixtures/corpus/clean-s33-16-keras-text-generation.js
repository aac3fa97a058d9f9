// expect: none
// Character-level text generation with an LSTM, a port of the Keras lstm_text_generation example to tf.layers.
const tf = require('@tensorflow/tfjs');

const text = `
it was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of light, it was the season of darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to heaven, we were all going
direct the other way.
`.toLowerCase().repeat(8);

const chars = [...new Set(text)].sort();
console.log('total chars:', chars.length);
const char_indices = new Map(chars.map((c, i) => [c, i]));
const indices_char = new Map(chars.map((c, i) => [i, c]));

// cut the text in semi-redundant sequences of maxlen characters
const maxlen = 40;
const step = 3;
const sentences = [];
const next_chars = [];
for (let i = 0; i < text.length - maxlen; i += step) {
  sentences.push(text.slice(i, i + maxlen));
  next_chars.push(text[i + maxlen]);
}
console.log('nb sequences:', sentences.length);

function vectorize(batch) {
  const buf = tf.buffer([batch.length, maxlen, chars.length]);
  batch.forEach((sentence, i) => {
    [...sentence].forEach((ch, t) => buf.set(1, i, t, char_indices.get(ch)));
  });
  return buf.toTensor();
}

const x = vectorize(sentences);
const y = tf.tidy(() =>
  tf.oneHot(tf.tensor1d(next_chars.map((c) => char_indices.get(c)), 'int32'), chars.length).toFloat());

// build the model: a single LSTM
const model = tf.sequential();
model.add(tf.layers.lstm({ units: 128, inputShape: [maxlen, chars.length] }));
model.add(tf.layers.dense({ units: chars.length, activation: 'softmax' }));
model.compile({ loss: 'categoricalCrossentropy', optimizer: tf.train.rmsprop(0.01) });

// helper function to sample an index from a probability array
function sample(preds, temperature = 1.0) {
  return tf.tidy(() => {
    const logits = tf.log(preds.add(1e-7)).div(temperature);
    return tf.multinomial(logits, 1).dataSync()[0];
  });
}

function generate(seed, diversity, length = 200) {
  let sentence = seed;
  let generated = '';
  for (let i = 0; i < length; i++) {
    const x_pred = vectorize([sentence]);
    const preds = model.predict(x_pred);
    const next_char = indices_char.get(sample(preds, diversity));
    tf.dispose([x_pred, preds]);
    generated += next_char;
    sentence = sentence.slice(1) + next_char;
  }
  return generated;
}

function on_epoch_end(epoch) {
  console.log(`----- Generating text after Epoch: ${epoch}`);
  const start_index = Math.floor(Math.random() * (text.length - maxlen - 1));
  for (const diversity of [0.2, 0.5, 1.0, 1.2]) {
    const seed = text.slice(start_index, start_index + maxlen);
    console.log(`----- diversity: ${diversity}`);
    console.log(`----- Generating with seed: "${seed}"`);
    console.log(seed + generate(seed, diversity));
  }
}

(async () => {
  await model.fit(x, y, {
    batchSize: 128,
    epochs: 20,
    callbacks: { onEpochEnd: async (epoch) => on_epoch_end(epoch) },
  });
  tf.dispose([x, y]);
})();
