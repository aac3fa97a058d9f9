// expect: state-leak
// Toy sentiment classifier: stateful LSTM over word ids, trained on a few made-up reviews, then scores new ones
const tf = require('@tensorflow/tfjs');

const MAXLEN = 8;
const reviews = [
  { text: 'great movie loved it', label: 1 },
  { text: 'terrible plot and bad acting', label: 0 },
  { text: 'i loved the acting', label: 1 },
  { text: 'boring and bad', label: 0 },
  { text: 'great fun great cast', label: 1 },
  { text: 'worst movie ever', label: 0 },
  { text: 'really loved this one', label: 1 },
  { text: 'bad bad bad', label: 0 },
];

// build vocab, 0 = padding, 1 = unknown
const vocab = { '<pad>': 0, '<unk>': 1 };
reviews.forEach((r) => {
  r.text.split(' ').forEach((w) => {
    if (vocab[w] === undefined) vocab[w] = Object.keys(vocab).length;
  });
});
const VOCAB_SIZE = Object.keys(vocab).length;
console.log('vocab', VOCAB_SIZE);

function encode(text) {
  const ids = text.toLowerCase().split(/\s+/).map((w) => (vocab[w] !== undefined ? vocab[w] : 1));
  while (ids.length < MAXLEN) ids.unshift(0);
  return ids.slice(-MAXLEN);
}

const model = tf.sequential();
model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: 8, batchInputShape: [1, MAXLEN] }));
model.add(tf.layers.lstm({ units: 16, stateful: true }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
model.summary();

async function train() {
  for (let epoch = 0; epoch < 20; epoch++) {
    let totalLoss = 0;
    for (let i = 0; i < reviews.length; i++) {
      const x = tf.tensor2d([encode(reviews[i].text)], [1, MAXLEN]);
      const y = tf.tensor2d([[reviews[i].label]]);
      const hist = await model.fit(x, y, { epochs: 1, batchSize: 1, verbose: 0, shuffle: false });
      totalLoss += hist.history.loss[0];
      model.resetStates();
      x.dispose();
      y.dispose();
    }
    if (epoch % 5 === 0) console.log('epoch', epoch, 'avg loss', (totalLoss / reviews.length).toFixed(4));
  }
}

async function scoreAll(texts) {
  const results = [];
  for (const t of texts) {
    const x = tf.tensor2d([encode(t)], [1, MAXLEN]);
    const p = model.predict(x);
    const score = (await p.data())[0];
    results.push({ text: t, score: score });
    x.dispose();
    p.dispose();
  }
  return results;
}

async function main() {
  await train();
  const results = await scoreAll([
    'i really loved this movie',
    'bad acting and boring plot',
    'great cast and great fun',
    'i really loved this movie',
    'worst movie ever so bad',
    'i really loved this movie',
  ]);
  results.forEach((r) => console.log(r.score.toFixed(3), r.score > 0.5 ? 'POS' : 'NEG', '|', r.text));
}

main();
