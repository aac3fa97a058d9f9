// expect: stacked-activation
// Explainer page: trains a tiny LSTM language model on a pasted text and shows next-character probabilities with a temperature slider.
const tf = require('@tensorflow/tfjs');

const SEQ_LEN = 12;

function buildVocab(text) {
  const chars = Array.from(new Set(text)).sort();
  return { chars, index: new Map(chars.map((c, i) => [c, i])) };
}

function makeDataset(text, vocab) {
  const xs = [];
  const ys = [];
  for (let i = 0; i + SEQ_LEN < text.length; i += 3) {
    xs.push(Array.from(text.slice(i, i + SEQ_LEN), (c) => vocab.index.get(c)));
    ys.push(vocab.index.get(text[i + SEQ_LEN]));
  }
  const depth = vocab.chars.length;
  return {
    x: tf.oneHot(tf.tensor2d(xs, undefined, 'int32'), depth).toFloat(),
    y: tf.oneHot(tf.tensor1d(ys, 'int32'), depth).toFloat(),
  };
}

function buildModel(vocabSize, units) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units, inputShape: [SEQ_LEN, vocabSize] }));
  model.add(tf.layers.dense({ units: vocabSize, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

function nextCharDistribution(model, vocab, prefix, temperature) {
  return tf.tidy(() => {
    const ids = Array.from(prefix.slice(-SEQ_LEN).padStart(SEQ_LEN, ' '), (c) => vocab.index.get(c) ?? 0);
    const x = tf.oneHot(tf.tensor2d([ids], undefined, 'int32'), vocab.chars.length).toFloat();
    const scores = model.predict(x);
    const probs = tf.softmax(scores.div(temperature));
    return Array.from(probs.dataSync());
  });
}

function renderBars(container, vocab, probs) {
  const top = probs
    .map((p, i) => ({ ch: vocab.chars[i], p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 8);
  container.innerHTML = top
    .map(({ ch, p }) => `<div class="bar"><code>${JSON.stringify(ch)}</code><span style="width:${(p * 300).toFixed(0)}px"></span>${p.toFixed(3)}</div>`)
    .join('');
}

async function main() {
  const text = document.querySelector('#corpus').value.toLowerCase();
  const prefixInput = document.querySelector('#prefix');
  const tempSlider = document.querySelector('#temperature');
  const bars = document.querySelector('#bars');
  const status = document.querySelector('#status');

  const vocab = buildVocab(text + ' ');
  const { x, y } = makeDataset(text, vocab);
  const model = buildModel(vocab.chars.length, 32);
  await model.fit(x, y, {
    epochs: 15,
    batchSize: 64,
    callbacks: { onEpochEnd: (epoch, logs) => { status.textContent = `epoch ${epoch + 1}: loss ${logs.loss.toFixed(3)}`; } },
  });
  x.dispose();
  y.dispose();

  const update = () =>
    renderBars(bars, vocab, nextCharDistribution(model, vocab, prefixInput.value.toLowerCase(), Number(tempSlider.value)));
  prefixInput.addEventListener('input', update);
  tempSlider.addEventListener('input', update);
  update();
}

main();
