// expect: tidy-disposed-state
// Streaming character generator: a message handler feeds it one character at a time and it replies with the next guess.
import * as tf from '@tensorflow/tfjs';

type Msg = { type: 'reset' } | { type: 'char'; ch: string };

export class StreamingGenerator {
  private hidden: tf.Tensor2D;
  private readonly W_xh: tf.Tensor2D;
  private readonly W_hh: tf.Tensor2D;
  private readonly W_hy: tf.Tensor2D;

  constructor(private readonly alphabet: string, private readonly hidden_size = 32, seed = 7) {
    const V = alphabet.length;
    this.W_xh = tf.randomNormal([V, hidden_size], 0, 0.4, 'float32', seed);
    this.W_hh = tf.randomNormal([hidden_size, hidden_size], 0, 0.4, 'float32', seed + 1);
    this.W_hy = tf.randomNormal([hidden_size, V], 0, 0.4, 'float32', seed + 2);
    this.hidden = this.initHidden();
  }

  initHidden(): tf.Tensor2D {
    return tf.zeros([1, this.hidden_size]);
  }

  reset(): void {
    this.hidden.dispose();
    this.hidden = this.initHidden();
  }

  // forward(input, hidden) for a single character; returns the index of the most likely next char
  step(ch: string): number {
    const idx = Math.max(0, this.alphabet.indexOf(ch));
    return tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([idx], 'int32'), this.alphabet.length).toFloat() as tf.Tensor2D;
      const h = tf.tanh(tf.matMul(x, this.W_xh).add(tf.matMul(this.hidden, this.W_hh))) as tf.Tensor2D;
      this.hidden = h;
      const logits = tf.matMul(h, this.W_hy);
      return logits.argMax(1).dataSync()[0];
    });
  }

  handle(msg: Msg): { next?: string; ok: boolean } {
    if (msg.type === 'reset') {
      this.reset();
      return { ok: true };
    }
    const next = this.step(msg.ch);
    return { ok: true, next: this.alphabet[next] };
  }

  hiddenValues(): number[] {
    return Array.from(this.hidden.dataSync());
  }
}

// little driver standing in for the worker's onmessage loop
export function simulate(text: string): string {
  const gen = new StreamingGenerator('abcdefghijklmnopqrstuvwxyz ');
  const replies: string[] = [];
  gen.handle({ type: 'reset' });
  for (const ch of text) {
    const r = gen.handle({ type: 'char', ch });
    replies.push(r.next ?? '?');
  }
  return replies.join('');
}

try {
  console.log(simulate('hello there'));
} catch (e) {
  console.error('generator failed:', (e as Error).message);
}
