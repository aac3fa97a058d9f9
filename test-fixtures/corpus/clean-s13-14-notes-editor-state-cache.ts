// expect: none
// Notes editor word predictor: each document keeps its own GRU context in localStorage so reopening it resumes.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
const VOCAB = 512;
const KEY = (docId: string) => `notes:gru:${docId}`;

const E = tf.randomNormal([VOCAB, UNITS], 0, 0.5, 'float32', 71);
const Wz = tf.randomNormal([2 * UNITS, UNITS], 0, 0.3, 'float32', 72);
const Wr = tf.randomNormal([2 * UNITS, UNITS], 0, 0.3, 'float32', 73);
const Wc = tf.randomNormal([2 * UNITS, UNITS], 0, 0.3, 'float32', 74);
const Wout = tf.randomNormal([UNITS, VOCAB], 0, 0.3, 'float32', 75);

function wordId(w: string): number {
  let x = 17;
  for (const ch of w) x = (x * 33 + ch.charCodeAt(0)) % VOCAB;
  return x;
}

function gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const xh = tf.concat([x, h], 1);
  const z = tf.sigmoid(xh.matMul(Wz));
  const r = tf.sigmoid(xh.matMul(Wr));
  const c = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(Wc));
  return tf.sub(1, z).mul(h).add(z.mul(c)) as tf.Tensor2D;
}

export class DocumentPredictor {
  private h: tf.Tensor2D;

  constructor(readonly docId: string, fresh: boolean) {
    const saved = fresh ? null : localStorage.getItem(KEY(docId));
    this.h = saved ? tf.tensor2d(JSON.parse(saved) as number[], [1, UNITS]) : tf.zeros([1, UNITS]);
  }

  /** Feed the words the user just committed (on space / enter). */
  feed(words: string[]): void {
    const next = tf.tidy(() => {
      let h = this.h;
      for (const w of words) h = gru(tf.gather(E, [wordId(w.toLowerCase())]) as tf.Tensor2D, h);
      return h;
    });
    if (next !== this.h) {
      this.h.dispose();
      this.h = next;
    }
  }

  topNext(k: number): number[] {
    return tf.tidy(() => Array.from(tf.topk(tf.softmax(this.h.matMul(Wout)), k).indices.dataSync()));
  }

  persist(): void {
    localStorage.setItem(KEY(this.docId), JSON.stringify(Array.from(this.h.dataSync())));
  }

  close(): void {
    this.persist();
    this.h.dispose();
  }
}

let current: DocumentPredictor | null = null;

export function openDocument(docId: string, isNew: boolean): DocumentPredictor {
  current?.close();
  if (isNew) localStorage.removeItem(KEY(docId));
  current = new DocumentPredictor(docId, isNew);
  return current;
}

export function bindEditor(editor: HTMLTextAreaElement, hint: HTMLElement): void {
  editor.addEventListener('keyup', (e: KeyboardEvent) => {
    if (!current || (e.key !== ' ' && e.key !== 'Enter')) return;
    const words = editor.value.trim().split(/\s+/).filter(Boolean);
    current.feed(words.slice(-1));
    hint.textContent = current.topNext(3).map((id) => `#${id}`).join(' ');
  });
  editor.addEventListener('focusout', () => current?.persist());
  window.addEventListener('beforeunload', () => current?.persist());
}
