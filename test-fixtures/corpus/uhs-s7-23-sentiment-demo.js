// expect: unused-hidden-state
// Live review-sentiment meter: re-scores the textarea with a word-level RNN on every keystroke and moves a gauge needle.
const tf = require('@tensorflow/tfjs');

const HIDDEN = 50;
const MAX_WORDS = 100;

const state = {
  weights: null,
  wordIndex: null,
  pending: false,
};

async function loadAssets() {
  const [w, idx] = await Promise.all([
    fetch('assets/sentiment-rnn.json').then((r) => r.json()),
    fetch('assets/word_index.json').then((r) => r.json()),
  ]);
  state.weights = {
    emb: tf.tensor2d(w.embedding),
    Wx: tf.tensor2d(w.Wx),
    Wh: tf.tensor2d(w.Wh),
    b: tf.tensor1d(w.b),
    wOut: tf.tensor2d(w.wOut),
    bOut: tf.scalar(w.bOut),
  };
  state.wordIndex = idx;
}

const h0 = tf.zeros([1, HIDDEN]);

const step = (xt, hPrev) =>
  tf.tanh(tf.addN([
    tf.matMul(xt, state.weights.Wx),
    tf.matMul(h0, state.weights.Wh),
    state.weights.b,
  ]));

function toIds(text) {
  return text
    .toLowerCase()
    .replace(/<br\s*\/?>/g, ' ')
    .match(/[a-z0-9']+/g)
    ?.slice(-MAX_WORDS)
    .map((w) => state.wordIndex[w] ?? 2) ?? [];
}

function score(text) {
  const ids = toIds(text);
  if (!ids.length) return 0.5;
  return tf.tidy(() => {
    const embedded = tf.gather(state.weights.emb, tf.tensor1d(ids, 'int32'));
    const steps = tf.unstack(embedded);
    let h = h0;
    for (const e of steps) {
      h = step(e.expandDims(0), h);
    }
    const logit = tf.add(tf.matMul(h, state.weights.wOut), state.weights.bOut);
    return tf.sigmoid(logit).dataSync()[0];
  });
}

function drawGauge(canvas, p) {
  const g = canvas.getContext('2d');
  const { width: w, height: hgt } = canvas;
  g.clearRect(0, 0, w, hgt);
  g.lineWidth = 12;
  const grad = g.createLinearGradient(0, 0, w, 0);
  grad.addColorStop(0, '#d9534f');
  grad.addColorStop(0.5, '#f0ad4e');
  grad.addColorStop(1, '#5cb85c');
  g.strokeStyle = grad;
  g.beginPath();
  g.arc(w / 2, hgt, hgt - 10, Math.PI, 2 * Math.PI);
  g.stroke();
  const angle = Math.PI + p * Math.PI;
  g.strokeStyle = '#333';
  g.lineWidth = 3;
  g.beginPath();
  g.moveTo(w / 2, hgt);
  g.lineTo(w / 2 + Math.cos(angle) * (hgt - 20), hgt + Math.sin(angle) * (hgt - 20));
  g.stroke();
}

function onInput(e) {
  if (state.pending) return;
  state.pending = true;
  requestAnimationFrame(() => {
    state.pending = false;
    const p = score(e.target.value);
    drawGauge(document.getElementById('gauge'), p);
    document.getElementById('pct').textContent = `${Math.round(p * 100)}% positive`;
  });
}

loadAssets().then(() => {
  document.getElementById('review').addEventListener('input', onInput);
  document.getElementById('status').textContent = 'model ready';
});
