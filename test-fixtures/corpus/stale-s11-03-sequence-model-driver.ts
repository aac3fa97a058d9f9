// expect: stale-state
// Base sequence model for the keystroke-timing project: subclasses provide step/readout, the base drives the unroll.
import * as tf from '@tensorflow/tfjs';

export type State = { h: tf.Tensor2D };

export interface StepResult {
  out: tf.Tensor2D;
  next: State;
}

export abstract class SequenceModel {
  protected stepsSeen = 0;

  constructor(readonly inputDim: number, readonly units: number, readonly outDim: number) {}

  protected abstract step(x: tf.Tensor2D, s: State): StepResult;

  protected initialState(batch: number): State {
    return { h: tf.zeros([batch, this.units]) };
  }

  protected onStep(_r: StepResult): void {
    this.stepsSeen++;
  }

  /** xs: [batch, time, inputDim] -> [batch, time, outDim] */
  run(xs: tf.Tensor3D): tf.Tensor3D {
    return tf.tidy(() => {
      const frames = tf.unstack(xs, 1) as tf.Tensor2D[];
      const state = this.initialState(xs.shape[0]);
      const outs: tf.Tensor2D[] = [];
      for (const x of frames) {
        const r = this.step(x, state);
        outs.push(r.out);
        this.onStep(r);
      }
      return tf.stack(outs, 1) as tf.Tensor3D;
    });
  }
}

export class TimingRNN extends SequenceModel {
  private readonly Wx: tf.Variable;
  private readonly Wh: tf.Variable;
  private readonly Wo: tf.Variable;
  private readonly bo: tf.Variable;

  constructor(inputDim: number, units: number, outDim: number) {
    super(inputDim, units, outDim);
    this.Wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.5, 'float32', 1));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', 2));
    this.Wo = tf.variable(tf.randomNormal([units, outDim], 0, 0.5, 'float32', 3));
    this.bo = tf.variable(tf.zeros([outDim]));
  }

  protected override step(x: tf.Tensor2D, s: State): StepResult {
    const h = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(s.h, this.Wh))) as tf.Tensor2D;
    const out = tf.add(tf.matMul(h, this.Wo), this.bo) as tf.Tensor2D;
    return { out, next: { h } };
  }
}

export class CountingTimingRNN extends TimingRNN {
  readonly norms: number[] = [];

  protected override onStep(r: StepResult): void {
    super.onStep(r);
    this.norms.push(tf.norm(r.next.h).dataSync()[0]);
  }
}

if (require.main === module) {
  const model = new CountingTimingRNN(2, 6, 1);
  const xs = tf.tensor3d([[[0.1, 0.3], [0.2, 0.1], [0.5, 0.4], [0.3, 0.3]]]);
  model.run(xs).print();
  console.log('state norms', model.norms);
}
