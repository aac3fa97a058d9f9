import * as tf from '@tensorflow/tfjs';

// Look-alikes that are correct: the stored state is kept, the container is made inside the
// callback, or the container is refilled on every call and read only for entries of this call.
export class DelayedStream {
  private readonly history = new Map<number, tf.Tensor2D[]>();
  private readonly scratch: tf.Tensor2D[][] = [[], []];

  constructor(private readonly w: tf.Tensor2D, private readonly u: tf.Tensor2D, private readonly delays: number[]) {
    delays.forEach((_, l) => this.history.set(l, []));
  }

  // The history keeps what it stores.
  push(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let inp = x;
      this.delays.forEach((delay, l) => {
        const trail = this.history.get(l)!;
        const hOld = trail.length >= delay ? trail[trail.length - delay] : tf.zeros([1, 8]);
        const hNew = tf.tanh(tf.add(tf.matMul(inp, this.w), tf.matMul(hOld, this.u))) as tf.Tensor2D;
        trail.push(tf.keep(hNew));
        if (trail.length > delay) tf.dispose(trail.shift()!);
        inp = hNew;
      });
      return inp;
    });
  }

  // A history made for this call only.
  encode(xs: tf.Tensor2D[]): tf.Tensor {
    return tf.tidy(() => {
      const trail: tf.Tensor2D[] = [];
      let h: tf.Tensor2D = tf.zeros([1, 8]);
      for (const x of xs) {
        const hOld = trail.length >= 2 ? trail[trail.length - 2]! : h;
        h = tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(hOld, this.u))) as tf.Tensor2D;
        trail.push(h);
      }
      return tf.stack(trail);
    });
  }

  // A buffer of the object refilled on every call: the loop reads only what this call pushed.
  unroll(xs: tf.Tensor2D[], layer: number): tf.Tensor {
    return tf.tidy(() => {
      const buf = this.scratch[layer]!;
      buf.length = 0;
      for (const x of xs) {
        const hPrev = buf.length > 0 ? buf[buf.length - 1]! : tf.zeros([1, 8]);
        const h = tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(hPrev, this.u))) as tf.Tensor2D;
        buf.push(h);
      }
      return tf.stack(buf);
    });
  }
}
