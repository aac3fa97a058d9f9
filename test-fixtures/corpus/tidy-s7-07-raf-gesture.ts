// expect: tidy-disposed-state
// Webcam gesture demo: each animation frame feeds hand keypoints into a recurrent classifier and updates a label on the page.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const NUM_KEYPOINTS = 21;
const FEATURES = NUM_KEYPOINTS * 2;
const UNITS = 64;
const GESTURES = ['none', 'swipe-left', 'swipe-right', 'wave', 'pinch'];

interface Weights {
  Wx: tf.Tensor2D;
  Wh: tf.Tensor2D;
  b: tf.Tensor1D;
  Wout: tf.Tensor2D;
  bout: tf.Tensor1D;
}

type KeypointSource = () => Array<[number, number]> | null;

let weights: Weights | null = null;
let hidden: tf.Tensor2D | null = null;
let running = false;

async function loadWeights(url: string): Promise<Weights> {
  const res = await fetch(url);
  const json = await res.json() as Record<keyof Weights, number[][] | number[]>;
  return {
    Wx: tf.tensor2d(json.Wx as number[][]),
    Wh: tf.tensor2d(json.Wh as number[][]),
    b: tf.tensor1d(json.b as number[]),
    Wout: tf.tensor2d(json.Wout as number[][]),
    bout: tf.tensor1d(json.bout as number[]),
  };
}

function normalise(points: Array<[number, number]>): number[] {
  const [wx, wy] = points[0];
  const scale = Math.hypot(points[9][0] - wx, points[9][1] - wy) || 1;
  return points.flatMap(([x, y]) => [(x - wx) / scale, (y - wy) / scale]);
}

function cellStep(w: Weights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.addN([tf.matMul(x, w.Wx), tf.matMul(h, w.Wh), w.b])) as tf.Tensor2D;
}

function render(probs: Float32Array | Int32Array | Uint8Array) {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  const label = document.getElementById('gesture');
  if (label) label.textContent = `${GESTURES[best]} (${(probs[best] * 100).toFixed(0)}%)`;
}

function onFrame(getKeypoints: KeypointSource) {
  if (!running || !weights) return;
  const w = weights;
  const points = getKeypoints();
  if (points && points.length === NUM_KEYPOINTS) {
    tf.tidy(() => {
      const x = tf.tensor2d([normalise(points)], [1, FEATURES]);
      const hPrev = hidden ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);
      const hNext = cellStep(w, x, hPrev);
      hidden = hNext;
      const logits = tf.add(tf.matMul(hNext, w.Wout), w.bout);
      render(tf.softmax(logits).dataSync());
    });
  }
  requestAnimationFrame(() => onFrame(getKeypoints));
}

export async function start(getKeypoints: KeypointSource) {
  if (!weights) weights = await loadWeights('/models/gesture-rnn.json');
  running = true;
  requestAnimationFrame(() => onFrame(getKeypoints));
}

export function stop() {
  running = false;
}

// "Reset" button: forget the gesture in progress.
document.getElementById('reset')?.addEventListener('click', () => {
  hidden = null;
});
