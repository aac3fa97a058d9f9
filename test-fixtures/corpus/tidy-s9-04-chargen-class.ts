// expect: tidy-disposed-state
// CharGen: keeps a running hidden state so the demo page can stream one character at a time
import * as tf from '@tensorflow/tfjs';

const ALPHABET = ' abcdefghijklmnopqrstuvwxyz';

export class CharGen {
  private Wx: tf.Tensor2D;
  private Wh: tf.Tensor2D;
  private Wy: tf.Tensor2D;
  private b_h: tf.Tensor1D;
  private b_y: tf.Tensor1D;
  private h: tf.Tensor2D;
  public temperature = 0.7;
  stepsTaken = 0;

  constructor(public hiddenSize = 24) {
    const V = ALPHABET.length;
    this.Wx = tf.randomNormal([V, hiddenSize], 0, 0.4);
    this.Wh = tf.randomNormal([hiddenSize, hiddenSize], 0, 0.4);
    this.Wy = tf.randomNormal([hiddenSize, V], 0, 0.4);
    this.b_h = tf.zeros([hiddenSize]);
    this.b_y = tf.zeros([V]);
    this.h = tf.zeros([1, hiddenSize]);
  }

  reset() {
    this.h.dispose();
    this.h = tf.zeros([1, this.hiddenSize]);
    this.stepsTaken = 0;
  }

  // feed one char, get back the distribution over the next one
  next(ch: string): Float32Array {
    const idx = Math.max(0, ALPHABET.indexOf(ch));
    const probs = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([idx], 'int32'), ALPHABET.length).toFloat();
      const hNew = tf.tanh(x.matMul(this.Wx).add(this.h.matMul(this.Wh)).add(this.b_h)) as tf.Tensor2D;
      const old = this.h;
      this.h = hNew;
      old.dispose();
      const logits = hNew.matMul(this.Wy).add(this.b_y);
      return tf.softmax(logits.div(this.temperature));
    });
    this.stepsTaken++;
    const arr = probs.dataSync() as Float32Array;
    probs.dispose();
    return arr;
  }

  pick(p: Float32Array): string {
    let r = Math.random();
    for (let i = 0; i < p.length; i++) {
      r -= p[i];
      if (r <= 0) return ALPHABET[i];
    }
    return ALPHABET[p.length - 1];
  }

  generate(prompt: string, len: number): string {
    this.reset();
    let probs: Float32Array = new Float32Array(ALPHABET.length).fill(1 / ALPHABET.length);
    for (const ch of prompt) probs = this.next(ch);
    let out = '';
    for (let i = 0; i < len; i++) {
      const c = this.pick(probs);
      out += c;
      probs = this.next(c);
    }
    return out;
  }
}

if (require.main === module) {
  const gen = new CharGen(32);
  try {
    console.log('>', gen.generate('the quick brown fox', 30));
    console.log('steps', gen.stepsTaken, 'tensors', tf.memory().numTensors);
  } catch (e) {
    console.log('generation failed:', (e as Error).message);
  }
}
