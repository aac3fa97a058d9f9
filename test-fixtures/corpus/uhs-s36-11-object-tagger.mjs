// expect: unused-hidden-state
// ES module: streaming activity tagger built on a hand-written observable and an object-literal RNN cell.
import * as tf from '@tensorflow/tfjs';

const LABELS = ['idle', 'walk', 'run', 'cycle'];

export const tagCell = {
  units: 32,
  inputSize: 9,

  build(seed = 1) {
    const n = (shape, s) => tf.variable(tf.randomNormal(shape, 0, 0.1, 'float32', seed + s));
    this.wIn = n([this.inputSize, this.units], 0);
    this.wRec = n([this.units, this.units], 1);
    this.bias = tf.variable(tf.zeros([this.units]));
    this.wOut = n([this.units, LABELS.length], 2);
    this.bOut = tf.variable(tf.zeros([LABELS.length]));
    return this;
  },

  initial() {
    return tf.zeros([1, this.units]);
  },

  /**
   * @param {tf.Tensor2D} x  one IMU frame, [1, 9]
   * @param {tf.Tensor2D} h  previous hidden, [1, units]
   * @returns {{ logits: tf.Tensor2D, h: tf.Tensor2D }}
   */
  step(x, h) {
    const e = tf.matMul(x, this.wIn);
    const rec = tf.matMul(e, this.wRec);
    const hNext = tf.tanh(tf.add(tf.add(e, rec), this.bias));
    const logits = tf.add(tf.matMul(hNext, this.wOut), this.bOut);
    return { logits, h: hNext };
  }
};

export function createSubject() {
  const observers = new Set();
  return {
    subscribe(observer) {
      observers.add(observer);
      return { unsubscribe: () => observers.delete(observer) };
    },
    next(value) {
      for (const o of observers) o.next && o.next(value);
    },
    complete() {
      for (const o of observers) o.complete && o.complete();
      observers.clear();
    }
  };
}

export function tagStream(source, cell = tagCell) {
  const out = createSubject();
  let h = cell.initial();

  source.subscribe({
    next(frame) {
      const [hNext, label, conf] = tf.tidy(() => {
        const x = tf.tensor2d([frame], [1, cell.inputSize]);
        const { logits, h: hn } = cell.step(x, h);
        const probs = tf.softmax(logits);
        const idx = probs.argMax(1).dataSync()[0];
        return [hn, LABELS[idx], probs.max().dataSync()[0]];
      });
      h.dispose();
      h = hNext;
      out.next({ label, conf });
    },
    complete() {
      h.dispose();
      out.complete();
    }
  });

  return out;
}
