// expect: tidy-disposed-state
// Live gesture recogniser that consumes touch-point chunks with nested tidy scopes and can save its progress to sessionStorage.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 24;
const GESTURES = ['tap', 'swipe-left', 'swipe-right', 'pinch', 'circle'];

export function createRecognizer(weights) {
  const W = {
    wx: tf.tensor2d(weights.wx),
    wh: tf.tensor2d(weights.wh),
    b: tf.tensor1d(weights.b),
    wOut: tf.tensor2d(weights.wOut),
  };
  const state = { h: tf.zeros([1, HIDDEN]), logits: null, points: 0 };

  function step(x, h) {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, W.wx), tf.matMul(h, W.wh)), W.b));
  }

  function consume(chunk) {
    const prevH = state.h;
    const prevLogits = state.logits;
    tf.tidy(() => {
      let h = prevH;
      chunk.forEach((pt) => {
        h = tf.tidy(() => step(tf.tensor2d([[pt.x, pt.y, pt.dt]]), h));
      });
      state.h = h;
      state.logits = tf.keep(tf.matMul(h, W.wOut));
    });
    prevH.dispose();
    if (prevLogits) prevLogits.dispose();
    state.points += chunk.length;
  }

  function current() {
    if (!state.logits) return null;
    const probs = tf.tidy(() => tf.softmax(state.logits).dataSync());
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
    return { gesture: GESTURES[best], confidence: probs[best] };
  }

  function save() {
    sessionStorage.setItem('gesture-state', JSON.stringify({ h: state.h.arraySync(), points: state.points }));
  }

  function restore() {
    const raw = sessionStorage.getItem('gesture-state');
    if (!raw) return;
    const saved = JSON.parse(raw);
    state.h.dispose();
    state.h = tf.tensor2d(saved.h);
    state.points = saved.points;
  }

  function reset() {
    tf.dispose([state.h, state.logits].filter(Boolean));
    state.h = tf.zeros([1, HIDDEN]);
    state.logits = null;
    state.points = 0;
  }

  return { consume, current, save, restore, reset };
}

export function bindToCanvas(canvas, recognizer, onGesture) {
  let buffer = [];
  let last = performance.now();
  canvas.addEventListener('pointerdown', () => recognizer.reset());
  canvas.addEventListener('pointermove', (e) => {
    const now = performance.now();
    buffer.push({ x: e.offsetX / canvas.width, y: e.offsetY / canvas.height, dt: (now - last) / 100 });
    last = now;
    if (buffer.length >= 8) {
      recognizer.consume(buffer);
      buffer = [];
      onGesture(recognizer.current());
    }
  });
  canvas.addEventListener('pointerup', () => recognizer.save());
}
