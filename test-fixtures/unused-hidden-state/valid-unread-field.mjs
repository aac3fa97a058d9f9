// Iterators that keep their state in a field and use it: read in the recurrent term, or kept for
// the caller (a getter) while the weight applied to the input is the input weight.
import * as tf from '@tensorflow/tfjs';

export class Sampler {
  constructor(p) {
    this.p = p;
    this.h = tf.zeros([1, 8]);
  }
  next(e) {
    const p = this.p;
    const hNext = tf.tidy(() => tf.tanh(tf.matMul(e, p.Wxh).add(tf.matMul(this.h, p.Whh))));
    this.h.dispose();
    this.h = hNext;
    return { value: hNext, done: false };
  }
}

export class Encoder {
  constructor(p) {
    this.p = p;
    this.hidden = tf.zeros([1, 8]);
  }
  get state() {
    return this.hidden;
  }
  push(e) {
    const next = tf.tidy(() => tf.tanh(tf.matMul(e, this.p.Wx)));
    this.hidden.dispose();
    this.hidden = next;
  }
}
