// expect: none
// Fluent GRU runner for the gesture recogniser: new GruRunner().withWeights(w).withState(h0).run(frames).
import * as tf from '@tensorflow/tfjs';

export type GruWeights = {
  Wz: tf.Tensor2D; Uz: tf.Tensor2D;
  Wr: tf.Tensor2D; Ur: tf.Tensor2D;
  Wh: tf.Tensor2D; Uh: tf.Tensor2D;
};

export function randomGruWeights(inputDim: number, units: number, seed = 121): GruWeights {
  const r = (shape: [number, number], k: number) =>
    tf.randomNormal(shape, 0, 0.35, 'float32', seed + k) as tf.Tensor2D;
  return {
    Wz: r([inputDim, units], 0), Uz: r([units, units], 1),
    Wr: r([inputDim, units], 2), Ur: r([units, units], 3),
    Wh: r([inputDim, units], 4), Uh: r([units, units], 5),
  };
}

export class GruRunner {
  private w?: GruWeights;
  private state?: tf.Tensor2D;
  private readonly history: number[] = [];

  withWeights(w: GruWeights): this {
    this.w = w;
    return this;
  }

  withState(h0: tf.Tensor2D): this {
    this.state?.dispose();
    this.state = tf.clone(h0);
    return this;
  }

  private step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const w = this.w;
    if (!w) throw new Error('GruRunner: weights missing');
    return tf.tidy(() => {
      const z = tf.sigmoid(tf.matMul(x, w.Wz).add(tf.matMul(h, w.Uz)));
      const r = tf.sigmoid(tf.matMul(x, w.Wr).add(tf.matMul(h, w.Ur)));
      const hTilde = tf.tanh(tf.matMul(x, w.Wh).add(tf.matMul(tf.mul(r, h), w.Uh)));
      return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, hTilde)) as tf.Tensor2D;
    });
  }

  run(frames: tf.Tensor2D[]): this {
    if (!this.state) throw new Error('GruRunner: call withState() first');
    for (const x of frames) {
      const next = this.step(x, this.state);
      this.state.dispose();
      this.state = next;
      this.history.push(tf.tidy(() => next.norm().dataSync()[0]));
    }
    return this;
  }

  result(): tf.Tensor2D {
    if (!this.state) throw new Error('GruRunner: nothing has run yet');
    return tf.clone(this.state);
  }

  norms(): number[] {
    return [...this.history];
  }

  dispose(): void {
    this.state?.dispose();
    this.state = undefined;
  }
}

export function embedGesture(w: GruWeights, frames: tf.Tensor2D[], units: number): number[] {
  const runner = new GruRunner().withWeights(w).withState(tf.zeros([frames[0].shape[0], units])).run(frames);
  const h = runner.result();
  const out = Array.from(h.dataSync());
  h.dispose();
  runner.dispose();
  return out;
}
