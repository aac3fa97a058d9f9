// expect: none
// In-browser next-character suggester driven by keydown events; each keystroke advances a simple-RNN state stored on this.state inside tf.tidy, protected with tf.keep, and the previous state is disposed afterwards; the state is reset when the field is cleared or submitted.
import * as tf from '@tensorflow/tfjs';

interface KeyEventLike { key: string; preventDefault(): void }
interface InputLike {
  value: string;
  addEventListener(type: 'keydown', cb: (e: KeyEventLike) => void): void;
}
interface ListLike { innerHTML: string }

export interface SuggesterWeights { emb: tf.Tensor2D; Wx: tf.Tensor2D; Wh: tf.Tensor2D; b: tf.Tensor1D; Wo: tf.Tensor2D }

export class Suggester {
  private state: tf.Tensor2D;
  private suggestions: string[] = [];
  private readonly units: number;

  constructor(private readonly w: SuggesterWeights, private readonly alphabet: string, private readonly topK = 3) {
    this.units = w.Wh.shape[0];
    this.state = tf.zeros([1, this.units]);
  }

  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.units]);
    this.suggestions = [];
  }

  feed(ch: string): string[] {
    const idx = Math.max(0, this.alphabet.indexOf(ch.toLowerCase()));
    const previous = this.state;
    tf.tidy(() => {
      const x = tf.gather(this.w.emb, [idx]);
      const h = tf.tanh(tf.matMul(x, this.w.Wx).add(tf.matMul(previous, this.w.Wh)).add(this.w.b)) as tf.Tensor2D;
      this.state = tf.keep(h);
      const probs = tf.softmax(tf.matMul(h, this.w.Wo)).squeeze();
      const { indices } = tf.topk(probs, this.topK);
      this.suggestions = Array.from(indices.dataSync()).map((i) => this.alphabet[i]);
    });
    previous.dispose();
    return this.suggestions;
  }

  attach(field: InputLike, list: ListLike, onAccept?: (text: string) => void): void {
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        onAccept?.(field.value);
        this.reset();
        list.innerHTML = '';
        return;
      }
      if (e.key === 'Tab' && this.suggestions.length > 0) {
        e.preventDefault();
        field.value += this.suggestions[0];
        list.innerHTML = this.feed(this.suggestions[0]).map((s) => `<li>${s}</li>`).join('');
        return;
      }
      if (e.key === 'Backspace') {
        this.reset();
        for (const ch of field.value.slice(0, -1)) this.feed(ch);
        return;
      }
      if (e.key.length === 1) {
        list.innerHTML = this.feed(e.key).map((s) => `<li>${s}</li>`).join('');
      }
    });
  }

  dispose(): void {
    this.state.dispose();
    tf.dispose(Object.values(this.w));
  }
}
