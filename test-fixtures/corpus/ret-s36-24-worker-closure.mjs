// expect: returns-input-state
// Module web worker: live handwriting-stroke recogniser that keeps an RNN state per pen-down stroke.
import * as tf from '@tensorflow/tfjs';

const GLYPHS = 'abcdefghijklmnopqrstuvwxyz'.split('');

function makeCell(w) {
  const wx = tf.tensor2d(w.wx);
  const wh = tf.tensor2d(w.wh);
  const b = tf.tensor1d(w.b);
  const wy = tf.tensor2d(w.wy);
  const by = tf.tensor1d(w.by);
  const units = wh.shape[0];

  const step = (x, h) => {
    const hNew = tf.tanh(tf.add(tf.add(tf.matMul(x, wx), tf.matMul(h, wh)), b));
    const y = tf.add(tf.matMul(hNew, wy), by);
    return [y, h];
  };
  step.units = units;
  step.zero = () => tf.zeros([1, units]);
  return step;
}

let cell = null;
let h = null;
let lastPoint = null;

async function init(url) {
  await tf.ready();
  const res = await fetch(url);
  cell = makeCell(await res.json());
}

function onPoint(px, py, pressure) {
  const [dx, dy] = lastPoint ? [px - lastPoint[0], py - lastPoint[1]] : [0, 0];
  lastPoint = [px, py];
  const [hNext, probs] = tf.tidy(() => {
    const x = tf.tensor2d([[dx / 50, dy / 50, pressure]]);
    const [y, hn] = cell(x, h);
    return [hn, tf.softmax(y)];
  });
  h.dispose();
  h = hNext;
  const p = probs.dataSync();
  probs.dispose();
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { glyph: GLYPHS[best], p: p[best] };
}

self.onmessage = async (ev) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'init':
      await init(msg.weightsUrl);
      self.postMessage({ type: 'ready' });
      break;
    case 'pendown':
      if (h) h.dispose();
      h = cell.zero();
      lastPoint = null;
      break;
    case 'point':
      if (!cell || !h) return;
      self.postMessage({ type: 'guess', ...onPoint(msg.x, msg.y, msg.pressure ?? 0.5) });
      break;
    case 'penup':
      self.postMessage({ type: 'stroke-end' });
      break;
    default:
      break;
  }
};
