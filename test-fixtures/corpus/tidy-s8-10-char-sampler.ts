// expect: tidy-disposed-state
// Samples text one character at a time from a trained vanilla RNN, remembering the hidden state between calls.
import * as tf from '@tensorflow/tfjs';

export interface CharRnnWeights {
  Wxh: tf.Tensor2D;
  Whh: tf.Tensor2D;
  bh: tf.Tensor1D;
  Why: tf.Tensor2D;
  by: tf.Tensor1D;
}

export class CharSampler {
  private state: tf.Tensor2D;
  private readonly vocabSize: number;

  constructor(private readonly w: CharRnnWeights, private readonly alphabet: string[]) {
    this.vocabSize = alphabet.length;
    this.state = tf.zeros([1, w.Whh.shape[0]]);
  }

  restart(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.w.Whh.shape[0]]);
  }

  private logitsFor(charIndex: number): tf.Tensor2D {
    return tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([charIndex], 'int32'), this.vocabSize).toFloat() as tf.Tensor2D;
      const h = tf.tanh(
        x.matMul(this.w.Wxh).add(this.state.matMul(this.w.Whh)).add<tf.Tensor2D>(this.w.bh),
      );
      this.state = h;
      return h.matMul(this.w.Why).add<tf.Tensor2D>(this.w.by);
    });
  }

  next(charIndex: number, temperature = 0.8): number {
    const logits = this.logitsFor(charIndex);
    const choice = tf.tidy(() => tf.multinomial(logits.div<tf.Tensor2D>(temperature), 1).dataSync()[0]);
    logits.dispose();
    return choice;
  }

  generate(seed: string, length: number, temperature?: number): string {
    this.restart();
    let idx = 0;
    for (const ch of seed) {
      idx = Math.max(0, this.alphabet.indexOf(ch));
      this.next(idx, temperature);
    }
    let out = seed;
    for (let i = 0; i < length; i++) {
      idx = this.next(idx, temperature);
      out += this.alphabet[idx];
    }
    return out;
  }
}

export function randomSampler(alphabet: string[], hidden = 64): CharSampler {
  const V = alphabet.length;
  const r = (a: number, b: number) => tf.randomNormal([a, b], 0, 0.1) as tf.Tensor2D;
  return new CharSampler(
    { Wxh: r(V, hidden), Whh: r(hidden, hidden), bh: tf.zeros([hidden]), Why: r(hidden, V), by: tf.zeros([V]) },
    alphabet,
  );
}
