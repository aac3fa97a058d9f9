import * as tf from '@tensorflow/tfjs';

// Streaming cells that keep per-layer state histories in containers of the object, reached inside
// `tf.tidy` through a local name: what the callback stores there is disposed when `tidy` returns,
// and the next call reads it back.
export class DelayedStream {
  private readonly history = new Map<number, tf.Tensor2D[]>();
  private readonly rings: tf.Tensor2D[][] = [[], []];
  private readonly caches: Map<string, tf.Tensor2D>[] = [new Map(), new Map()];
  private t = 0;

  constructor(private readonly w: tf.Tensor2D, private readonly u: tf.Tensor2D, private readonly delays: number[]) {
    delays.forEach((_, l) => this.history.set(l, []));
  }

  push(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let inp = x;
      this.delays.forEach((delay, l) => {
        const trail = this.history.get(l)!;
        const hOld = trail.length >= delay ? trail[trail.length - delay] : tf.zeros([1, 8]);
        const hNew = tf.tanh(tf.add(tf.matMul(inp, this.w), tf.matMul(hOld, this.u))) as tf.Tensor2D;
        trail.push(hNew);
//      ~~~~~~~~~~~~~~~~ tidy-disposed-state
        if (trail.length > delay) trail.shift();
        inp = hNew;
      });
      return inp;
    });
  }

  tick(x: tf.Tensor2D, layer: number): tf.Tensor2D {
    const slot = this.t++ % 4;
    return tf.tidy(() => {
      const ring = this.rings[layer]!;
      const prev = ring[slot] ?? tf.zeros([1, 8]);
      const h = tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(prev, this.u))) as tf.Tensor2D;
      ring[slot] = h;
//    ~~~~~~~~~~~~~~ tidy-disposed-state
      return h.sum(1, true);
    });
  }

  score(x: tf.Tensor2D, key: string, layer: number): tf.Tensor2D {
    return tf.tidy(() => {
      const cache = this.caches[layer]!;
      const prev = cache.get(key) ?? tf.zeros([1, 8]);
      const state = tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(prev, this.u))) as tf.Tensor2D;
      cache.set(key, state);
//    ~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      return state.mean();
    });
  }
}
