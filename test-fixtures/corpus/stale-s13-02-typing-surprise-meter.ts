// expect: stale-state
// "How predictable is your sentence?" meter under the comment box, scored by a tiny char RNN.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const ALPHABET = " abcdefghijklmnopqrstuvwxyz'.,!?";
const UNITS = 24;

export interface ScoreResult {
  nll: number;
  activity: number;
}

export class CharScorer {
  private readonly Wx: tf.Tensor2D;
  private readonly Wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly Wy: tf.Tensor2D;
  private readonly by: tf.Tensor1D;

  constructor(seed = 7) {
    const V = ALPHABET.length;
    this.Wx = tf.randomNormal([V, UNITS], 0, 0.4, 'float32', seed);
    this.Wh = tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', seed + 1);
    this.b = tf.zeros([UNITS]);
    this.Wy = tf.randomNormal([UNITS, V], 0, 0.4, 'float32', seed + 2);
    this.by = tf.zeros([V]);
  }

  private index(ch: string): number {
    const i = ALPHABET.indexOf(ch.toLowerCase());
    return i < 0 ? 0 : i;
  }

  private oneHot(ch: string): tf.Tensor2D {
    return tf.oneHot(tf.tensor1d([this.index(ch)], 'int32'), ALPHABET.length).toFloat() as tf.Tensor2D;
  }

  initialState(): tf.Tensor2D {
    return tf.zeros([1, UNITS]);
  }

  step(ch: string, h: tf.Tensor2D): { logits: tf.Tensor2D; h: tf.Tensor2D } {
    const x = this.oneHot(ch);
    const next = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b)) as tf.Tensor2D;
    return { logits: next.matMul(this.Wy).add(this.by) as tf.Tensor2D, h: next };
  }

  score(text: string): ScoreResult {
    if (text.length < 2) return { nll: 0, activity: 0 };
    return tf.tidy(() => {
      const h0 = this.initialState();
      let h = h0;
      let total = tf.scalar(0);
      for (let i = 0; i + 1 < text.length; i++) {
        const out = this.step(text[i], h0);
        h = out.h;
        const target = this.oneHot(text[i + 1]);
        total = total.add(tf.losses.softmaxCrossEntropy(target, out.logits));
      }
      const nll = total.div(text.length - 1).dataSync()[0];
      const activity = h.abs().mean().dataSync()[0];
      return { nll, activity };
    });
  }
}

function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function attachMeter(input: HTMLTextAreaElement, bar: HTMLElement, label: HTMLElement,
                            scorer: CharScorer = new CharScorer()): void {
  const update = debounce(() => {
    const { nll, activity } = scorer.score(input.value);
    const pct = Math.min(100, Math.round((nll / Math.log(ALPHABET.length)) * 100));
    bar.style.width = `${pct}%`;
    bar.style.background = pct > 80 ? '#d9534f' : pct > 50 ? '#f0ad4e' : '#5cb85c';
    label.textContent = `${pct}% surprising · activity ${activity.toFixed(2)}`;
  }, 150);
  input.addEventListener('input', update);
}

if (typeof document !== 'undefined' && document.getElementById('comment')) {
  attachMeter(
    document.getElementById('comment') as HTMLTextAreaElement,
    document.getElementById('surprise-bar') as HTMLElement,
    document.getElementById('surprise-label') as HTMLElement,
  );
}
