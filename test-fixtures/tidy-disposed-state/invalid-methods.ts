// Tensors that outlive `tf.tidy` through the methods its callback runs.
import * as tf from '@tensorflow/tfjs';

export class StreamCell {
  protected h: tf.Tensor2D = tf.zeros([1, 4]);
  constructor(protected readonly W: tf.Variable, protected readonly U: tf.Variable) {}

  protected step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.W as tf.Tensor2D), tf.matMul(h, this.U as tf.Tensor2D))) as tf.Tensor2D;
  }

  push(sample: number[]): number {
    const h = tf.tidy(() => this.step(tf.tensor2d([sample]), this.h));
    this.h.dispose();
    this.h = h;
    return h.dataSync()[0]!;
  }
}

// The override keeps a running average in a field; the base runs it inside tidy.
export class SmoothedCell extends StreamCell {
  private slow: tf.Tensor2D = tf.zeros([1, 4]);

  protected override step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const next = super.step(x, h);
    this.slow = tf.add(tf.mul(this.slow, 0.9), tf.mul(next, 0.1)) as tf.Tensor2D;
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    return next;
  }

  slowState(): number[] {
    return Array.from(this.slow.dataSync());
  }
}

// A store whose `put` keeps the tensor it is given: called from inside tidy with a tensor made there.
export class SessionStore {
  private readonly map = new Map<string, tf.Tensor2D>();

  get(id: string): tf.Tensor2D | undefined {
    return this.map.get(id);
  }

  put(id: string, tensor: tf.Tensor2D): void {
    this.map.set(id, tensor);
  }
}

export function handle(store: SessionStore, id: string, x: tf.Tensor2D, W: tf.Tensor2D): number {
  return tf.tidy(() => {
    const prev = store.get(id) ?? tf.zeros([1, 4]);
    const h = tf.tanh(tf.add(tf.matMul(x, W), prev)) as tf.Tensor2D;
    store.put(id, h);
//  ~~~~~~~~~~~~~~~~ tidy-disposed-state
    return h.sum().dataSync()[0]!;
  });
}

// The encoder's result comes from the base class; its final state is cached from inside tidy.
export class Encoder {
  constructor(protected readonly W: tf.Variable) {}

  encode(x: tf.Tensor2D): { outputs: tf.Tensor2D; final: tf.Tensor2D } {
    return tf.tidy(() => {
      const out = tf.tanh(tf.matMul(x, this.W as tf.Tensor2D)) as tf.Tensor2D;
      return { outputs: out, final: out };
    });
  }
}

export class CachingEncoder extends Encoder {
  private readonly cache = new Map<string, tf.Tensor2D>();

  pooled(key: string, x: tf.Tensor2D): tf.Tensor {
    return tf.tidy(() => {
      const enc = super.encode(x);
      this.cache.set(key, enc.final);
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      return tf.mean(enc.outputs, 1);
    });
  }

  finalState(key: string): tf.Tensor2D | undefined {
    return this.cache.get(key);
  }
}
