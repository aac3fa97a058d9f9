// expect: none
// Browser demo: type characters and watch a tiny RNN's next-character distribution update live.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const VOCAB = 'abcdefghijklmnopqrstuvwxyz ';
const UNITS = 24;

export class LiveRnn {
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);
  private readonly wx = tf.randomNormal([VOCAB.length, UNITS], 0, 0.4, 'float32', 151) as tf.Tensor2D;
  private readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 152) as tf.Tensor2D;
  private readonly wy = tf.randomNormal([UNITS, VOCAB.length], 0, 0.4, 'float32', 153) as tf.Tensor2D;
  private readonly by = tf.zeros([VOCAB.length]) as tf.Tensor1D;

  clear(): void {
    this.h.dispose();
    this.h = tf.zeros([1, UNITS]);
  }

  feed(ch: string): Float32Array {
    const idx = Math.max(0, VOCAB.indexOf(ch.toLowerCase()));
    const [probs, hNext] = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([idx], 'int32'), VOCAB.length).toFloat();
      const h = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(this.h, this.wh))) as tf.Tensor2D;
      const logits = tf.matMul(h, this.wy).add(this.by);
      return [tf.softmax(logits), h] as [tf.Tensor, tf.Tensor2D];
    });
    this.h.dispose();
    this.h = hNext;
    const data = probs.dataSync() as Float32Array;
    probs.dispose();
    return data;
  }

  stateNorm(): number {
    return tf.tidy(() => this.h.norm().dataSync()[0]);
  }
}

export function topK(probs: Float32Array, k: number): Array<[string, number]> {
  return Array.from(probs)
    .map((p, i) => [VOCAB[i], p] as [string, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, k);
}

export function mount(root: HTMLElement): LiveRnn {
  const rnn = new LiveRnn();
  const input = document.createElement('input');
  const list = document.createElement('ol');
  const clearBtn = document.createElement('button');
  clearBtn.textContent = 'clear';
  root.append(input, clearBtn, list);

  input.addEventListener('input', (ev) => {
    const e = ev as InputEvent;
    if (!e.data) return;
    const probs = rnn.feed(e.data[e.data.length - 1]);
    list.innerHTML = '';
    for (const [ch, p] of topK(probs, 5)) {
      const li = document.createElement('li');
      li.textContent = `${ch === ' ' ? '␣' : ch}  ${(p * 100).toFixed(1)}%`;
      list.appendChild(li);
    }
  });
  clearBtn.addEventListener('click', () => {
    input.value = '';
    list.innerHTML = '';
    rnn.clear();
  });
  return rnn;
}
