// expect: none
// Explorer page: shows how a GRU encoder's final state flows through a two-layer readout head, with per-stage activation histograms.
import * as tf from '@tensorflow/tfjs';

const STEPS = 16;
const FEATURES = 3;

export function buildModel({ units, hidden, classes, hiddenActivation }) {
  const input = tf.input({ shape: [STEPS, FEATURES] });
  const encoded = tf.layers.gru({ units, name: 'encoder' }).apply(input);
  const mid = tf.layers.dense({ units: hidden, activation: hiddenActivation, name: 'mid' }).apply(encoded);
  const logits = tf.layers.dense({ units: classes, name: 'logits' }).apply(mid);
  const probs = tf.layers.softmax({ name: 'probs' }).apply(logits);
  return tf.model({ inputs: input, outputs: [encoded, mid, logits, probs] });
}

function histogram(values, bins = 20, lo = -1.5, hi = 1.5) {
  const counts = new Array(bins).fill(0);
  for (const v of values) {
    const k = Math.floor(((v - lo) / (hi - lo)) * bins);
    counts[Math.min(bins - 1, Math.max(0, k))] += 1;
  }
  return counts;
}

export function inspect(model, batch) {
  return tf.tidy(() => {
    const xs = tf.randomNormal([batch, STEPS, FEATURES]);
    const [encoded, mid, logits, probs] = model.predict(xs);
    return {
      encoder: histogram(encoded.dataSync()),
      mid: histogram(mid.dataSync()),
      logits: histogram(logits.dataSync(), 20, -4, 4),
      probs: histogram(probs.dataSync(), 20, 0, 1),
      rowSums: probs.sum(1).dataSync().slice(0, 4),
    };
  });
}

function drawHist(ctx, counts, x0, label) {
  const max = Math.max(...counts, 1);
  const w = 10;
  ctx.fillStyle = '#444';
  ctx.fillText(label, x0, 14);
  counts.forEach((c, i) => {
    const h = (c / max) * 100;
    ctx.fillRect(x0 + i * w, 120 - h, w - 1, h);
  });
}

export function mount(root) {
  const canvas = root.querySelector('canvas');
  const ctx = canvas.getContext('2d');
  const units = root.querySelector('#units');
  const act = root.querySelector('#activation');
  const sums = root.querySelector('#row-sums');
  let model = null;

  const refresh = () => {
    if (model) model.dispose();
    model = buildModel({
      units: Number(units.value),
      hidden: 32,
      classes: 5,
      hiddenActivation: act.value,
    });
    const stats = inspect(model, 64);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    drawHist(ctx, stats.encoder, 0, 'GRU state (tanh)');
    drawHist(ctx, stats.mid, 220, `dense (${act.value})`);
    drawHist(ctx, stats.logits, 440, 'logits');
    drawHist(ctx, stats.probs, 660, 'softmax');
    sums.textContent = Array.from(stats.rowSums, (s) => s.toFixed(4)).join(', ');
  };

  units.addEventListener('input', refresh);
  act.addEventListener('change', refresh);
  refresh();
}
