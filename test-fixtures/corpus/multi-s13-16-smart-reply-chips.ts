// expect: stacked-activation, state-leak
// Smart-reply chips for the messenger page: scores the canned replies for every incoming message, in any open chat.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const REPLIES = ['👍', 'Sounds good!', 'On my way', 'Can we talk later?', 'Thanks!', 'Haha'];
const UNITS = 32;
const VOCAB = 800;

function ids(text: string): number[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((w) => {
    let x = 3;
    for (const ch of w) x = (x * 37 + (ch.codePointAt(0) ?? 0)) % VOCAB;
    return x;
  });
}

export class SmartReply {
  private readonly emb = tf.randomNormal([VOCAB, UNITS], 0, 0.6, 'float32', 81);
  private readonly Wz = tf.randomNormal([2 * UNITS, UNITS], 0, 0.3, 'float32', 82);
  private readonly Wc = tf.randomNormal([2 * UNITS, UNITS], 0, 0.3, 'float32', 83);
  private readonly head: tf.Sequential;
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);

  constructor() {
    this.head = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [UNITS], units: REPLIES.length, activation: 'softmax' })],
    });
  }

  private read(text: string): void {
    for (const id of ids(text)) {
      const next = tf.tidy(() => {
        const x = tf.gather(this.emb, [id]);
        const xh = tf.concat([x, this.h], 1);
        const z = tf.sigmoid(xh.matMul(this.Wz));
        const c = tf.tanh(xh.matMul(this.Wc));
        return z.mul(this.h).add(tf.sub(1, z).mul(c)) as tf.Tensor2D;
      });
      this.h.dispose();
      this.h = next;
    }
  }

  /** Independent 0..1 fit score per canned reply (several chips can light up at once). */
  scores(message: string): number[] {
    this.read(message);
    return tf.tidy(() => {
      const probs = this.head.predict(this.h) as tf.Tensor2D;
      return Array.from(tf.sigmoid(probs).dataSync());
    });
  }
}

export function renderChips(container: HTMLElement, message: string, model: SmartReply,
                            send: (text: string) => void): void {
  const s = model.scores(message);
  container.innerHTML = '';
  REPLIES.forEach((reply, i) => {
    const chip = document.createElement('button');
    chip.className = s[i] > 0.55 ? 'chip chip--hot' : 'chip';
    chip.textContent = reply;
    chip.onclick = () => send(reply);
    container.appendChild(chip);
  });
}

export function connect(socketUrl: string): WebSocket {
  const model = new SmartReply();
  const ws = new WebSocket(socketUrl);
  ws.addEventListener('message', (ev: MessageEvent<string>) => {
    const msg = JSON.parse(ev.data) as { chatId: string; from: string; text: string };
    const container = document.getElementById(`chips-${msg.chatId}`);
    if (!container) return;
    renderChips(container, msg.text, model, (text) => ws.send(JSON.stringify({ chatId: msg.chatId, text })));
  });
  return ws;
}
