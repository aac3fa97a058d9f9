// expect: tidy-disposed-state
// Keystroke-cadence scorer: consumes inter-key intervals one at a time and returns a running "is this the account owner" score.
import * as tf from '@tensorflow/tfjs';

type Weights = { wx: tf.Tensor2D; wh: tf.Tensor2D; b: tf.Tensor1D; wy: tf.Tensor2D };

export class CadenceScorer {
  static readonly UNITS = 12;
  #h: tf.Tensor2D = tf.zeros([1, CadenceScorer.UNITS]);
  #count = 0;
  readonly #w: Weights;

  private constructor(w: Weights) {
    this.#w = w;
  }

  static random(seed = 21): CadenceScorer {
    const u = CadenceScorer.UNITS;
    return new CadenceScorer({
      wx: tf.randomNormal([2, u], 0, 0.5, 'float32', seed),
      wh: tf.randomNormal([u, u], 0, 0.3, 'float32', seed + 1),
      b: tf.zeros([u]),
      wy: tf.randomNormal([u, 1], 0, 0.5, 'float32', seed + 2),
    });
  }

  /** intervalMs: time since previous key; holdMs: how long the key was held down */
  push(intervalMs: number, holdMs: number): number {
    const { wx, wh, b, wy } = this.#w;
    const score = tf.tidy(() => {
      const x = tf.tensor2d([[Math.log1p(intervalMs) / 7, holdMs / 200]]);
      const h = tf.tanh(x.matMul(wx).add(this.#h.matMul(wh)).add(b)) as tf.Tensor2D;
      this.#h = h;
      return tf.sigmoid(h.matMul(wy));
    });
    this.#count++;
    const value = score.dataSync()[0] ?? 0.5;
    score.dispose();
    return value;
  }

  reset(): void {
    this.#h.dispose();
    this.#h = tf.zeros([1, CadenceScorer.UNITS]);
    this.#count = 0;
  }

  get keystrokes(): number {
    return this.#count;
  }
}

type KeyEvent = { key: string; down: number; up: number };

export function scoreSession(scorer: CadenceScorer, events: readonly KeyEvent[]): number[] {
  scorer.reset();
  return events.map((ev, i) => {
    const prev = events.at(i - 1);
    const interval = i === 0 || !prev ? 0 : ev.down - prev.down;
    return scorer.push(interval, ev.up - ev.down);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const typed = [...'correct horse'].map((key, i) => ({ key, down: i * 140 + (i % 3) * 20, up: i * 140 + 70 }));
  const scorer = CadenceScorer.random();
  const scores = scoreSession(scorer, typed);
  console.log(`owner score after ${scorer.keystrokes} keys:`, scores.at(-1)?.toFixed(3));
}
