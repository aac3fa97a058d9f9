// expect: returns-input-state
// Hand-rolled hooks for the notes app: useRecurrent() keeps a GRU state while the user types and exposes a "mood" score.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const FEATS = 4;

type Setter<T> = (next: T) => void;
function useState<T>(initial: T, onChange?: (prev: T, next: T) => void): [() => T, Setter<T>] {
  let value = initial;
  const get = () => value;
  const set: Setter<T> = (next) => {
    const prev = value;
    value = next;
    onChange?.(prev, next);
  };
  return [get, set];
}

interface GruWeights {
  w: tf.Tensor2D;
  u: tf.Tensor2D;
  b: tf.Tensor1D;
  wy: tf.Tensor2D;
}

function gruStep(p: GruWeights, x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
  return tf.tidy(() => {
    const [xz, xr, xn] = tf.split(tf.matMul(x, p.w).add(p.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, p.u), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const n = tf.tanh(xn.add(r.mul(hn)));
    const hNext = tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
    const y = tf.sigmoid(tf.matMul(hNext, p.wy)) as tf.Tensor2D;
    return { y, h };
  });
}

function features(text: string): number[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  const exclaim = (text.match(/!/g) ?? []).length;
  const caps = (text.match(/[A-Z]/g) ?? []).length / Math.max(1, text.length);
  return [Math.log1p(words.length), Math.min(exclaim, 5) / 5, caps, Math.min(last.length, 12) / 12];
}

export function useRecurrent(seed = 171) {
  const weights: GruWeights = {
    w: tf.randomNormal([FEATS, 3 * UNITS], 0, 0.5, 'float32', seed),
    u: tf.randomNormal([UNITS, 3 * UNITS], 0, 0.3, 'float32', seed + 1),
    b: tf.zeros([3 * UNITS]),
    wy: tf.randomNormal([UNITS, 1], 0, 0.6, 'float32', seed + 2),
  };
  const [getHidden, setHidden] = useState<tf.Tensor2D>(tf.zeros([1, UNITS]), (prev, next) => {
    if (prev !== next) prev.dispose();
  });
  const [getMood, setMood] = useState(0.5);

  const feed = (text: string): number => {
    const x = tf.tensor2d([features(text)]);
    const { y, h } = gruStep(weights, x, getHidden());
    x.dispose();
    setHidden(h);
    setMood(y.dataSync()[0]);
    y.dispose();
    return getMood();
  };

  const clear = () => setHidden(tf.zeros([1, UNITS]));
  return { feed, clear, mood: getMood, hidden: getHidden };
}

export function bindNoteEditor(editor: HTMLTextAreaElement, badge: HTMLElement): void {
  const rnn = useRecurrent();
  editor.addEventListener('input', () => {
    const mood = rnn.feed(editor.value);
    badge.textContent = mood > 0.66 ? '🙂' : mood < 0.33 ? '🙁' : '😐';
  });
  editor.addEventListener('focus', () => rnn.clear());
}
