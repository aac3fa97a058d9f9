// expect: none
// autocomplete box: a GRU keeps a running state of what the user typed, suggestions refresh on every keypress
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const CHARS = ' abcdefghijklmnopqrstuvwxyz';
const SUGGESTIONS = ['hello', 'help', 'helmet', 'world', 'word', 'work', 'tensor', 'tension'];

export class TypeAhead {
  private state: tf.Tensor2D;
  private readonly Wz = tf.randomNormal([CHARS.length + 24, 24], 0, 0.3);
  private readonly Wr = tf.randomNormal([CHARS.length + 24, 24], 0, 0.3);
  private readonly Wc = tf.randomNormal([CHARS.length + 24, 24], 0, 0.3);
  private readonly Wy = tf.randomNormal([24, SUGGESTIONS.length], 0, 0.5);
  keystrokes = 0;

  constructor() {
    this.state = tf.zeros([1, 24]);
  }

  private cellStep(ch: string, h: tf.Tensor2D): tf.Tensor2D {
    const x = tf.oneHot(tf.tensor1d([Math.max(0, CHARS.indexOf(ch))], 'int32'), CHARS.length).toFloat();
    const xh = tf.concat([x, h], 1);
    const z = tf.sigmoid(xh.matMul(this.Wz));
    const r = tf.sigmoid(xh.matMul(this.Wr));
    const cand = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(this.Wc));
    return z.mul(cand).add(tf.sub(1, z).mul(h)) as tf.Tensor2D;
  }

  onKey(ch: string): string[] {
    const prev = this.state;
    this.state = tf.tidy(() => this.cellStep(ch, prev));
    prev.dispose();
    this.keystrokes++;
    const probs = tf.tidy(() => tf.softmax(this.state.matMul(this.Wy)).dataSync());
    return SUGGESTIONS.map((s, i) => ({ s, p: probs[i] }))
      .sort((a, b) => b.p - a.p)
      .slice(0, 3)
      .map(o => o.s);
  }

  clear() {
    this.state.dispose();
    this.state = tf.zeros([1, 24]);
    this.keystrokes = 0;
  }

  stateNorm(): number {
    return tf.tidy(() => this.state.norm().dataSync()[0]);
  }
}

const box = new TypeAhead();

if (typeof document !== 'undefined') {
  const input = document.getElementById('search') as HTMLInputElement | null;
  const list = document.getElementById('suggestions');
  let lastValue = '';
  input?.addEventListener('input', () => {
    const v = input.value.toLowerCase();
    if (!v.startsWith(lastValue)) {
      box.clear(); // user deleted or pasted, start over
      for (const ch of v.slice(0, -1)) box.onKey(ch);
    }
    const sugg = box.onKey(v[v.length - 1] ?? ' ');
    if (list) list.innerHTML = sugg.map(s => `<li>${s}</li>`).join('');
    lastValue = v;
  });
} else {
  for (const word of ['hel', 'wor', 'ten']) {
    box.clear();
    let sugg: string[] = [];
    for (const ch of word) sugg = box.onKey(ch);
    console.log(word.padEnd(4), '->', sugg.join(', '), ` |h|=${box.stateNorm().toFixed(3)} tensors=${tf.memory().numTensors}`);
  }
}
