// expect: unused-hidden-state
// Typing-rhythm checker for the login form: an Elman RNN follows key hold/flight times and scores how unusual they look.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const FEATURES = 2; // hold time, flight time (seconds)
const UNITS = 12;

function layerNorm(t: tf.Tensor2D, eps = 1e-5): tf.Tensor2D {
  const { mean, variance } = tf.moments(t, -1, true);
  return t.sub(mean).div(variance.add(eps).sqrt()) as tf.Tensor2D;
}

export class RhythmCell {
  readonly wIn: tf.Variable;
  readonly wRec: tf.Variable;
  readonly bias: tf.Variable;
  readonly wScore: tf.Variable;

  constructor(seed = 11) {
    this.wIn = tf.variable(tf.randomNormal([FEATURES, UNITS], 0, 0.5, 'float32', seed));
    this.wRec = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1));
    this.bias = tf.variable(tf.zeros([UNITS]));
    this.wScore = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 2));
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, UNITS]);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    if (x.shape[0] !== h.shape[0]) {
      throw new Error(`batch mismatch: ${x.shape[0]} vs ${h.shape[0]}`);
    }
    return tf.tidy(() => {
      const drive = tf.matMul(x, this.wIn as tf.Tensor2D).add(this.bias) as tf.Tensor2D;
      const recur = tf.matMul(h, this.wRec as tf.Tensor2D);
      const pre = layerNorm(drive);
      return tf.tanh(pre);
    });
  }

  score(h: tf.Tensor2D): number {
    return tf.tidy(() => tf.sigmoid(tf.matMul(h, this.wScore as tf.Tensor2D)).dataSync()[0]);
  }
}

export function watchTyping(field: HTMLInputElement, onScore: (s: number) => void): () => void {
  const cell = new RhythmCell();
  let h = cell.zeroState();
  let downAt = 0;
  let lastUp = 0;

  const keydown = (ev: KeyboardEvent) => {
    if (ev.repeat) return;
    downAt = ev.timeStamp;
  };
  const keyup = (ev: KeyboardEvent) => {
    const hold = (ev.timeStamp - downAt) / 1000;
    const flight = lastUp === 0 ? 0 : (downAt - lastUp) / 1000;
    lastUp = ev.timeStamp;
    const x = tf.tensor2d([[hold, flight]]);
    const next = cell.step(x, h);
    x.dispose();
    h.dispose();
    h = next;
    onScore(cell.score(h));
  };
  const focus = () => {
    h.dispose();
    h = cell.zeroState();
    lastUp = 0;
  };

  field.addEventListener('keydown', keydown);
  field.addEventListener('keyup', keyup);
  field.addEventListener('focus', focus);
  return () => {
    field.removeEventListener('keydown', keydown);
    field.removeEventListener('keyup', keyup);
    field.removeEventListener('focus', focus);
    h.dispose();
  };
}
