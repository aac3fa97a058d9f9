// expect: tidy-disposed-state
// Interactive explainer page: runs a sentiment RNN over a sentence and draws a heatmap of hidden units per character.
const tf = require('@tensorflow/tfjs');

const HIDDEN = 64;
const CELL_PX = 6;

let W = null;
let alphabet = '';

async function loadModel(url) {
  const json = await (await fetch(url)).json();
  alphabet = json.alphabet;
  W = {
    Wx: tf.tensor2d(json.Wx),
    Wh: tf.tensor2d(json.Wh),
    b: tf.tensor1d(json.b),
    Wout: tf.tensor2d(json.Wout),
    bout: tf.tensor1d(json.bout),
  };
}

function charVec(ch) {
  const i = Math.max(0, alphabet.indexOf(ch.toLowerCase()));
  return tf.oneHot(tf.tensor1d([i], 'int32'), alphabet.length).toFloat();
}

function step(x, h) {
  return tf.tanh(tf.addN([tf.matMul(x, W.Wx), tf.matMul(h, W.Wh), W.b]));
}

// Returns the sentiment logit plus the hidden vector after every character
function runWithTrace(sentence) {
  const trace = [];
  const logit = tf.tidy(() => {
    let h = tf.zeros([1, HIDDEN]);
    for (const ch of sentence) {
      h = step(charVec(ch), h);
      trace.push(h);
    }
    return tf.add(tf.matMul(h, W.Wout), W.bout);
  });
  return { logit, trace };
}

function colour(v) {
  // tanh range [-1, 1] -> blue..white..red
  const r = v > 0 ? 255 : Math.round(255 * (1 + v));
  const b = v < 0 ? 255 : Math.round(255 * (1 - v));
  const g = Math.round(255 * (1 - Math.abs(v)));
  return `rgb(${r},${g},${b})`;
}

async function drawHeatmap(canvas, sentence, trace) {
  canvas.width = sentence.length * CELL_PX;
  canvas.height = HIDDEN * CELL_PX;
  const g = canvas.getContext('2d');
  for (let t = 0; t < trace.length; t++) {
    const values = await trace[t].data();
    for (let u = 0; u < HIDDEN; u++) {
      g.fillStyle = colour(values[u]);
      g.fillRect(t * CELL_PX, u * CELL_PX, CELL_PX, CELL_PX);
    }
  }
}

async function onAnalyze() {
  const sentence = document.getElementById('sentence').value;
  if (!sentence) return;
  const { logit, trace } = runWithTrace(sentence);
  const score = tf.sigmoid(logit);
  const p = (await score.data())[0];
  document.getElementById('verdict').textContent = p > 0.5 ? `positive (${p.toFixed(2)})` : `negative (${p.toFixed(2)})`;
  await drawHeatmap(document.getElementById('heatmap'), sentence, trace);
  tf.dispose([logit, score]);
}

window.addEventListener('DOMContentLoaded', async () => {
  await loadModel('model/char-sentiment.json');
  document.getElementById('analyze').addEventListener('click', onAnalyze);
  document.getElementById('sentence').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') onAnalyze();
  });
});

module.exports = { runWithTrace, loadModel };
