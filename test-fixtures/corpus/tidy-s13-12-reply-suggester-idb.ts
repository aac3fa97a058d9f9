// expect: tidy-disposed-state
// Reply suggester for the support inbox: keeps an RNN context per conversation and saves it to IndexedDB.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 32;
const VOCAB = 1000;
const CANNED = ['Thanks for reaching out!', 'Could you share a screenshot?', 'I have escalated this.', 'Glad it works now!'];

const emb = tf.randomNormal([VOCAB, UNITS], 0, 0.5, 'float32', 61);
const Wh = tf.randomNormal([UNITS, UNITS], 0, 0.2, 'float32', 62);
const Wr = tf.randomNormal([UNITS, CANNED.length], 0, 0.5, 'float32', 63);

const contexts = new Map<string, tf.Tensor2D>();

function wordIds(text: string): number[] {
  return (text.toLowerCase().match(/\w+/g) ?? []).map((w) => {
    let x = 0;
    for (let i = 0; i < w.length; i++) x = (x * 131 + w.charCodeAt(i)) % VOCAB;
    return x;
  });
}

export function readMessage(conversationId: string, text: string): number[] {
  const scores = tf.tidy(() => {
    let h = contexts.get(conversationId) ?? tf.zeros([1, UNITS]);
    for (const id of wordIds(text)) {
      const x = tf.gather(emb, [id]) as tf.Tensor2D;
      h = tf.tanh(x.add(h.matMul(Wh)));
    }
    contexts.set(conversationId, h);
    return tf.softmax(h.matMul(Wr));
  });
  const out = Array.from(scores.dataSync());
  scores.dispose();
  return out;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('reply-suggester', 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains('contexts')) req.result.createObjectStore('contexts');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function saveContext(conversationId: string): Promise<void> {
  const h = contexts.get(conversationId);
  if (!h) return;
  const values = await h.data();
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('contexts', 'readwrite');
    tx.objectStore('contexts').put(Array.from(values), conversationId);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

export function renderSuggestions(list: HTMLElement, scores: number[], onPick: (text: string) => void): void {
  list.innerHTML = '';
  scores
    .map((s, i) => ({ s, text: CANNED[i] }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .forEach(({ text }) => {
      const chip = document.createElement('button');
      chip.textContent = text;
      chip.addEventListener('click', () => onPick(text));
      list.appendChild(chip);
    });
}

export async function onIncoming(conversationId: string, text: string, list: HTMLElement,
                                 composer: HTMLTextAreaElement): Promise<void> {
  const scores = readMessage(conversationId, text);
  renderSuggestions(list, scores, (reply) => { composer.value = reply; });
  await saveContext(conversationId);
}
