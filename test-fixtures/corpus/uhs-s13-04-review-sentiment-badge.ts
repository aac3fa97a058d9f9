// expect: unused-hidden-state
// Live sentiment badge for the product review form: word-level Elman RNN over the review text.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const VOCAB_SIZE = 2048;
const EMBED = 24;
const UNITS = 32;

function hashWord(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % VOCAB_SIZE;
}

export function tokenize(text: string): number[] {
  return text.toLowerCase().split(/[^a-z']+/).filter(Boolean).map(hashWord);
}

class ElmanCell {
  readonly kernel = tf.variable(tf.randomNormal([EMBED, UNITS], 0, 0.3, 'float32', 11));
  readonly recurrentKernel = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 12));
  readonly bias = tf.variable(tf.zeros([UNITS]));

  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const pre = x.matMul(this.kernel).add(this.bias);
      pre.add(h.matMul(this.recurrentKernel));
      return tf.tanh(pre) as tf.Tensor2D;
    });
  }
}

export class SentimentModel {
  private readonly embedding = tf.variable(tf.randomNormal([VOCAB_SIZE, EMBED], 0, 1, 'float32', 10));
  private readonly cell = new ElmanCell();
  private readonly wOut = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 13));

  positivity(ids: number[]): number {
    if (ids.length === 0) return 0.5;
    return tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([1, UNITS]);
      for (const id of ids) {
        const x = tf.gather(this.embedding, [id]) as tf.Tensor2D;
        h = this.cell.forward(x, h);
      }
      return tf.sigmoid(h.matMul(this.wOut)).dataSync()[0];
    });
  }
}

type Mood = 'positive' | 'neutral' | 'negative';

function moodOf(p: number): Mood {
  if (p > 0.6) return 'positive';
  if (p < 0.4) return 'negative';
  return 'neutral';
}

export function mountBadge(form: HTMLFormElement, textarea: HTMLTextAreaElement, badge: HTMLElement,
                           model = new SentimentModel()): () => void {
  let frame = 0;
  const render = () => {
    frame = 0;
    const p = model.positivity(tokenize(textarea.value));
    const mood = moodOf(p);
    badge.textContent = `${mood} (${Math.round(p * 100)}%)`;
    badge.dataset.mood = mood;
  };
  const onInput = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  textarea.addEventListener('input', onInput);
  form.addEventListener('submit', () => {
    const hidden = form.querySelector('input[name=sentiment]') as HTMLInputElement | null;
    if (hidden) hidden.value = badge.dataset.mood ?? 'neutral';
  });
  return () => textarea.removeEventListener('input', onInput);
}
