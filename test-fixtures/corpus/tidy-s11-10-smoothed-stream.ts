// expect: tidy-disposed-state
// Streaming heart-rate encoder: StreamCell handles per-sample pushes, SmoothedStreamCell also tracks a slow average state.
import * as tf from '@tensorflow/tfjs';

export interface StepOut {
  y: tf.Tensor2D;
  h: tf.Tensor2D;
}

export class StreamCell {
  protected h: tf.Tensor2D;
  protected readonly Wx: tf.Variable;
  protected readonly Wh: tf.Variable;
  protected readonly Wy: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number) {
    this.h = tf.zeros([1, units]);
    this.Wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', 4));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', 5));
    this.Wy = tf.variable(tf.randomNormal([units, 1], 0, 0.4, 'float32', 6));
  }

  protected step(x: tf.Tensor2D, h: tf.Tensor2D): StepOut {
    const hNew = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh))) as tf.Tensor2D;
    return { y: tf.matMul(hNew, this.Wy), h: hNew };
  }

  push(sample: number[]): number {
    const [y, h] = tf.tidy(() => {
      const out = this.step(tf.tensor2d([sample]), this.h);
      return [out.y, out.h];
    });
    this.h.dispose();
    this.h = h;
    const v = y.dataSync()[0];
    y.dispose();
    return v;
  }

  reset(): void {
    this.h.dispose();
    this.h = tf.zeros([1, this.units]);
  }
}

export class SmoothedStreamCell extends StreamCell {
  private slow: tf.Tensor2D;

  constructor(inputDim: number, units: number, private readonly alpha = 0.1) {
    super(inputDim, units);
    this.slow = tf.zeros([1, units]);
  }

  protected override step(x: tf.Tensor2D, h: tf.Tensor2D): StepOut {
    const out = super.step(x, h);
    this.slow = tf.add(tf.mul(this.slow, 1 - this.alpha), tf.mul(out.h, this.alpha)) as tf.Tensor2D;
    return { y: tf.add(out.y, tf.sum(this.slow, 1, true)) as tf.Tensor2D, h: out.h };
  }

  slowState(): number[] {
    return Array.from(this.slow.dataSync());
  }

  override reset(): void {
    super.reset();
    this.slow = tf.zeros([1, this.units]);
  }
}

if (require.main === module) {
  const cell = new SmoothedStreamCell(2, 4);
  const readings = [[72, 0.1], [75, 0.2], [80, 0.4], [78, 0.3]].map(([bpm, acc]) => [bpm / 100, acc]);
  for (const r of readings) {
    console.log(cell.push(r).toFixed(4));
  }
  console.log('slow', cell.slowState());
}
