// expect: none
// Reply-length hint for the support inbox: an RNN state per conversation, persisted in localStorage across reloads.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;
const KEY_PREFIX = 'replyhint:v1:';

const W = {
  x: tf.randomNormal([3, UNITS], 0, 0.4, 'float32', 151) as tf.Tensor2D,
  h: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 152) as tf.Tensor2D,
  b: tf.zeros([UNITS]) as tf.Tensor1D,
  y: tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 153) as tf.Tensor2D,
};

export class ConversationHint {
  private h: tf.Tensor2D;

  constructor(private readonly conversationId: string, private readonly store: Storage = localStorage) {
    const saved = store.getItem(KEY_PREFIX + conversationId);
    const values = saved ? (JSON.parse(saved) as number[][]) : null;
    this.h = values && values[0]?.length === UNITS ? tf.tensor2d(values) : tf.zeros([1, UNITS]);
  }

  onMessage(text: string, fromCustomer: boolean): number {
    const words = text.split(/\s+/).filter(Boolean).length;
    const questions = (text.match(/\?/g) ?? []).length;
    const old = this.h;
    const suggested = tf.tidy(() => {
      const x = tf.tensor2d([[Math.log1p(words), questions, fromCustomer ? 1 : -1]]);
      const next = tf.tanh(tf.matMul(x, W.x).add(tf.matMul(old, W.h)).add(W.b)) as tf.Tensor2D;
      this.h = tf.keep(next);
      return tf.softplus(tf.matMul(next, W.y)).mul(40);
    });
    old.dispose();
    const value = Math.round(suggested.dataSync()[0]);
    suggested.dispose();
    this.persist();
    return value;
  }

  persist(): void {
    this.store.setItem(KEY_PREFIX + this.conversationId, JSON.stringify(this.h.arraySync()));
  }

  close(): void {
    this.store.removeItem(KEY_PREFIX + this.conversationId);
    this.h.dispose();
  }

  dispose(): void {
    this.h.dispose();
  }
}

export function wireComposer(thread: HTMLElement, composer: HTMLTextAreaElement, hint: HTMLElement): void {
  const id = thread.dataset.conversationId ?? 'default';
  const model = new ConversationHint(id);

  thread.addEventListener('message-received', (ev: Event) => {
    const text = String((ev as CustomEvent<{ text: string }>).detail?.text ?? '');
    hint.textContent = `~${model.onMessage(text, true)} words`;
  });
  composer.form?.addEventListener('submit', () => {
    model.onMessage(composer.value, false);
  });
  window.addEventListener('pagehide', () => model.dispose());
}
