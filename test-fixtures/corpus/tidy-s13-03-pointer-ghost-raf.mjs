// expect: tidy-disposed-state
// Draws a "ghost" dot where the pointer is heading next, running one RNN step per animation frame.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 16;

function loadWeights(seed = 3) {
  return {
    Wx: tf.randomNormal([2, HIDDEN], 0, 0.5, 'float32', seed),
    Wh: tf.randomNormal([HIDDEN, HIDDEN], 0, 0.3, 'float32', seed + 1),
    b: tf.zeros([HIDDEN]),
    Wout: tf.randomNormal([HIDDEN, 2], 0, 0.2, 'float32', seed + 2),
  };
}

export function createGhostTracker(canvas, { lookahead = 40 } = {}) {
  const w = loadWeights();
  const ctx = canvas.getContext('2d');
  let hidden = tf.zeros([1, HIDDEN]);
  let pointer = { x: 0.5, y: 0.5 };
  let running = false;
  let frames = 0;

  canvas.addEventListener('pointermove', (e) => {
    const rect = canvas.getBoundingClientRect();
    pointer = { x: (e.clientX - rect.left) / rect.width, y: (e.clientY - rect.top) / rect.height };
  });

  function predictDelta() {
    return tf.tidy(() => {
      const x = tf.tensor2d([[pointer.x, pointer.y]]);
      const next = tf.tanh(x.matMul(w.Wx).add(hidden.matMul(w.Wh)).add(w.b));
      hidden = next;
      return next.matMul(w.Wout);
    });
  }

  function draw(dx, dy) {
    const px = pointer.x * canvas.width;
    const py = pointer.y * canvas.height;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    ctx.arc(px + dx * lookahead, py + dy * lookahead, 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  function frame() {
    if (!running) return;
    const delta = predictDelta();
    const [dx, dy] = delta.dataSync();
    delta.dispose();
    draw(dx, dy);
    frames++;
    requestAnimationFrame(frame);
  }

  return {
    start() {
      if (running) return;
      running = true;
      requestAnimationFrame(frame);
    },
    stop() {
      running = false;
    },
    get frames() {
      return frames;
    },
  };
}

if (typeof document !== 'undefined') {
  const canvas = document.getElementById('ghost-canvas');
  if (canvas) {
    const tracker = createGhostTracker(canvas);
    canvas.addEventListener('pointerenter', () => tracker.start());
    canvas.addEventListener('pointerleave', () => tracker.stop());
  }
}
