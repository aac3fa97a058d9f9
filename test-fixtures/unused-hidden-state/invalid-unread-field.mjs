// A sampler written as an iterator: next() replaces this.h at every call, but the recurrent weight
// is applied to the embedding, and nothing ever reads this.h except to dispose it.
import * as tf from '@tensorflow/tfjs';

export class Sampler {
  constructor(p) {
    this.p = p;
    this.h = tf.zeros([1, 8]);
    this.current = 0;
  }

  next() {
    const p = this.p;
    const [hNext, idx] = tf.tidy(() => {
      const e = tf.gather(p.embedding, [this.current]);
      const h = tf.tanh(tf.matMul(e, p.Wxh).add(tf.matMul(e, p.Whh)));
      return [h, tf.argMax(tf.matMul(h, p.Why), 1)];
    });
    this.current = idx.dataSync()[0];
    idx.dispose();
    this.h.dispose();
    this.h = hNext;
//  ~~~~~~ unused-hidden-state
    return { value: this.current, done: false };
  }
}
