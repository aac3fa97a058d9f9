// expect: stacked-activation, stale-state
// Browser demo that streams a sensor signal into an Elman cell each animation frame and draws a 30-step autoregressive forecast; the cell feeds tanh output into a ReLU activation layer, and the forecast loop keeps stepping from the live state h instead of the rolled-forward one.
import * as tf from '@tensorflow/tfjs';

const HORIZON = 30;
const rectify = tf.layers.activation({ activation: 'relu' });

function elmanStep(w, x, h) {
  const a = tf.matMul(x, w.Wx).add(tf.matMul(h, w.Wh)).add(w.b);
  const hNew = rectify.apply(tf.tanh(a));
  const y = tf.matMul(hNew, w.Wy).add(w.by);
  return { y, h: hNew };
}

async function loadWeights(url) {
  const json = await (await fetch(url)).json();
  const out = {};
  for (const [k, v] of Object.entries(json)) out[k] = Array.isArray(v[0]) ? tf.tensor2d(v) : tf.tensor1d(v);
  return out;
}

function forecast(w, lastValue, h) {
  return tf.tidy(() => {
    const preds = [];
    let x = tf.tensor2d([[lastValue]]);
    for (let k = 0; k < HORIZON; k++) {
      const { y, h: rolled } = elmanStep(w, x, h);
      preds.push(y);
      x = y;
    }
    return Array.from(tf.concat(preds, 0).dataSync());
  });
}

function draw(ctx, history, preds) {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  const sx = width / (history.length + HORIZON);
  const sy = (v) => height / 2 - v * height * 0.4;
  ctx.strokeStyle = '#333';
  ctx.beginPath();
  history.forEach((v, i) => (i ? ctx.lineTo(i * sx, sy(v)) : ctx.moveTo(0, sy(v))));
  ctx.stroke();
  ctx.strokeStyle = '#e0457b';
  ctx.beginPath();
  preds.forEach((v, i) => ctx.lineTo((history.length + i) * sx, sy(v)));
  ctx.stroke();
}

export async function start(canvas, sensor) {
  const w = await loadWeights('./elman-weights.json');
  const ctx = canvas.getContext('2d');
  const history = [];
  let h = tf.zeros([1, w.Wh.shape[0]]);
  let running = true;
  document.getElementById('stop').addEventListener('click', () => { running = false; });

  function frame() {
    if (!running) { h.dispose(); return; }
    const value = sensor.read();
    history.push(value);
    if (history.length > 200) history.shift();
    const next = tf.tidy(() => elmanStep(w, tf.tensor2d([[value]]), h).h);
    h.dispose();
    h = next;
    draw(ctx, history, forecast(w, value, h));
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
}
