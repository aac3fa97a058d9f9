// expect: stacked-activation
// Smart-compose worker for the mail client: keeps a running context of the draft and proposes the next phrase.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const PHRASES = ['Best regards,', 'Thanks in advance', 'Let me know', 'See you tomorrow', 'Happy to help'];
const DIM = 32;
const VOCAB = 2000;

type Activation = 'tanh' | 'relu' | 'sigmoid';

function activate(t: tf.Tensor, kind: Activation): tf.Tensor {
  switch (kind) {
    case 'relu': return tf.relu(t);
    case 'sigmoid': return tf.sigmoid(t);
    default: return tf.tanh(t);
  }
}

export class ComposeRnn {
  private readonly emb = tf.randomNormal([VOCAB, DIM], 0, 0.7, 'float32', 701);
  private readonly Wh = tf.randomNormal([DIM, DIM], 0, 0.35, 'float32', 702);
  private readonly Wp = tf.randomNormal([DIM, PHRASES.length], 0, 0.6, 'float32', 703);

  constructor(private readonly act: Activation = 'tanh') {}

  step(wordId: number, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const hIn = activate(h, this.act);
      const x = tf.gather(this.emb, [wordId]);
      return activate(x.add(hIn.matMul(this.Wh)), this.act) as tf.Tensor2D;
    });
  }

  rank(h: tf.Tensor2D): Array<{ phrase: string; p: number }> {
    const p = tf.tidy(() => tf.softmax(h.matMul(this.Wp)).dataSync());
    return PHRASES.map((phrase, i) => ({ phrase, p: p[i] })).sort((a, b) => b.p - a.p);
  }
}

function ids(text: string): number[] {
  return (text.toLowerCase().match(/[a-z']+/g) ?? []).map((w) => {
    let x = 11;
    for (const ch of w) x = (x * 41 + ch.charCodeAt(0)) % VOCAB;
    return x;
  });
}

const drafts = new Map<string, { h: tf.Tensor2D; words: number }>();
const rnn = new ComposeRnn();

export function onDraftChanged(draftId: string, text: string): { phrase: string; p: number } | null {
  const all = ids(text);
  let entry = drafts.get(draftId);
  if (!entry || entry.words > all.length) {
    if (entry) entry.h.dispose();
    entry = { h: tf.zeros([1, DIM]), words: 0 };
    drafts.set(draftId, entry);
  }
  for (const id of all.slice(entry.words)) {
    const next = rnn.step(id, entry.h);
    entry.h.dispose();
    entry.h = next;
  }
  entry.words = all.length;
  if (all.length < 3) return null;
  const [best] = rnn.rank(entry.h);
  return best.p > 0.3 ? best : null;
}

self.onmessage = (ev: MessageEvent<{ draftId: string; text: string } | { draftId: string; closed: true }>) => {
  const data = ev.data;
  if ('closed' in data) {
    drafts.get(data.draftId)?.h.dispose();
    drafts.delete(data.draftId);
    return;
  }
  const suggestion = onDraftChanged(data.draftId, data.text);
  self.postMessage({ draftId: data.draftId, suggestion });
};
