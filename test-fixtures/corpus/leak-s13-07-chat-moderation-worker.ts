// expect: state-leak
// Moderation worker for the chat widget: scores each incoming message with a GRU and reports back to the page.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const VOCAB = 4096;
const EMBED = 16;
const UNITS = 24;

interface ScoreRequest { kind: 'score'; messageId: string; author: string; text: string }
interface ScoreReply { kind: 'scored'; messageId: string; toxicity: number; hide: boolean }

const embedding = tf.randomNormal([VOCAB, EMBED], 0, 1, 'float32', 41);
const gate = tf.randomNormal([EMBED + UNITS, 2 * UNITS], 0, 0.3, 'float32', 42);
const cand = tf.randomNormal([EMBED + UNITS, UNITS], 0, 0.3, 'float32', 43);
const head = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 44);

let state: tf.Tensor2D = tf.zeros([1, UNITS]);

function tokenId(word: string): number {
  let acc = 7;
  for (const ch of word) acc = (acc * 31 + ch.charCodeAt(0)) % VOCAB;
  return acc;
}

function gruCell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const xh = tf.concat([x, h], 1);
  const [z, r] = tf.split(tf.sigmoid(xh.matMul(gate)), 2, 1);
  const hc = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(cand));
  return z.mul(h).add(tf.sub(1, z).mul(hc)) as tf.Tensor2D;
}

function readTokens(text: string): void {
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  for (const w of words) {
    const next = tf.tidy(() => gruCell(tf.gather(embedding, [tokenId(w)]) as tf.Tensor2D, state));
    state.dispose();
    state = next;
  }
}

export function toxicity(text: string): number {
  readTokens(text);
  return tf.tidy(() => tf.sigmoid(state.matMul(head)).dataSync()[0]);
}

const THRESHOLD = 0.8;
const queue: ScoreRequest[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const req = queue.shift()!;
    const score = toxicity(req.text);
    const reply: ScoreReply = { kind: 'scored', messageId: req.messageId, toxicity: score, hide: score > THRESHOLD };
    self.postMessage(reply);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  busy = false;
}

self.addEventListener('message', (ev: MessageEvent<ScoreRequest>) => {
  if (ev.data?.kind !== 'score') return;
  queue.push(ev.data);
  void drain();
});
