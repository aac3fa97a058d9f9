// expect: stale-state
// Gaze-tracking smoother for a web app: folds each batch of eye-tracker samples through a recurrent cell inside an engine scope.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 16;
const STATE_KEY = 'gaze-smoother-h';

interface SmootherWeights {
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  b: tf.Tensor1D;
  wOut: tf.Tensor2D;
}

interface Fold {
  h: tf.Tensor2D;
  points: tf.Tensor2D[];
}

function cell(w: SmootherWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, w.wx), tf.matMul(h, w.wh)), w.b)) as tf.Tensor2D;
}

function restoreState(): tf.Tensor2D {
  const raw = localStorage.getItem(STATE_KEY);
  return raw ? tf.tensor2d(JSON.parse(raw)) : tf.zeros([1, HIDDEN]);
}

export function smoothBatch(w: SmootherWeights, samples: Array<[number, number, number]>): Array<[number, number]> {
  tf.engine().startScope();
  const initial = restoreState();

  const { h, points } = samples.reduce<Fold>(
    (acc, [x, y, confidence]) => {
      const input = tf.tensor2d([[x, y, confidence]]);
      const hNext = cell(w, input, initial);
      const point = tf.matMul(hNext, w.wOut) as tf.Tensor2D;
      return { h: hNext, points: [...acc.points, point] };
    },
    { h: initial, points: [] },
  );

  const smoothed = points.length
    ? (tf.concat(points, 0).arraySync() as Array<[number, number]>)
    : [];
  localStorage.setItem(STATE_KEY, JSON.stringify(h.arraySync()));
  tf.engine().endScope();
  return smoothed;
}

export function resetSmoother(): void {
  localStorage.removeItem(STATE_KEY);
}

export function startGazeLoop(
  w: SmootherWeights,
  pull: () => Array<[number, number, number]>,
  draw: (pts: Array<[number, number]>) => void,
): () => void {
  let running = true;
  let frames = 0;
  const baseline = tf.memory().numTensors;
  const tick = () => {
    if (!running) return;
    const batch = pull();
    if (batch.length) draw(smoothBatch(w, batch));
    if (++frames % 600 === 0 && tf.memory().numTensors > baseline) {
      console.warn(`gaze smoother: ${tf.memory().numTensors - baseline} extra tensors`);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
  };
}
