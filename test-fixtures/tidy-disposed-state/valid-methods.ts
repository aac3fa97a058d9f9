// Methods run inside `tf.tidy` that keep what they store, or store what tidy does not dispose.
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

// The override keeps its running average.
export class SmoothedCell extends StreamCell {
  private slow: tf.Tensor2D = tf.zeros([1, 4]);

  protected override step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const next = super.step(x, h);
    const old = this.slow;
    this.slow = tf.keep(tf.add(tf.mul(old, 0.9), tf.mul(next, 0.1)) as tf.Tensor2D);
    old.dispose();
    return next;
  }

  slowState(): number[] {
    return Array.from(this.slow.dataSync());
  }
}

// A variable is never disposed by tidy.
export class VariableMemory {
  private memory: tf.Variable | null = null;

  remember(h: tf.Tensor2D): void {
    this.memory = tf.variable(h, false);
  }

  read(): tf.Tensor | null {
    return this.memory;
  }

  update(x: tf.Tensor2D): void {
    tf.tidy(() => this.remember(tf.tanh(x) as tf.Tensor2D));
  }
}

// The store is given a kept tensor.
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
    store.put(id, tf.keep(h));
    return h.sum().dataSync()[0]!;
  });
}

// A field the method resets at every call before it reads it: the disposed value is never read as data.
export class ResetEachCall {
  private memory: tf.Tensor2D | null = null;
  constructor(private readonly U: tf.Tensor2D) {}

  private step(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(x, tf.matMul(this.memory!, this.U))) as tf.Tensor2D;
  }

  run(xs: tf.Tensor2D[]): tf.Tensor {
    this.memory = tf.zeros([1, 4]);
    for (const x of xs) {
      const hNew = this.step(x);
      this.memory = hNew;
    }
    return tf.sum(this.memory);
  }

  score(xs: tf.Tensor2D[]): number {
    return tf.tidy(() => this.run(xs).dataSync()[0]!);
  }

  dispose(): void {
    this.memory?.dispose();
  }
}
