// expect: unused-hidden-state
// Fluent builder that assembles an Elman-style recurrent step from raw weights and unrolls it over a batch of sequences.
import * as tf from '@tensorflow/tfjs';

export type StepFn = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;
type Activation = (t: tf.Tensor2D) => tf.Tensor2D;

export class ElmanBuilder {
  private wIn?: tf.Tensor2D;
  private wRec?: tf.Tensor2D;
  private bias?: tf.Tensor1D;
  private act: Activation = (t) => tf.tanh(t);

  withInputWeights(w: tf.Tensor2D): this {
    this.wIn = w;
    return this;
  }

  withRecurrentWeights(w: tf.Tensor2D): this {
    this.wRec = w;
    return this;
  }

  withBias(b: tf.Tensor1D): this {
    this.bias = b;
    return this;
  }

  withActivation(fn: Activation): this {
    this.act = fn;
    return this;
  }

  static random(inputDim: number, units: number, seed = 7): ElmanBuilder {
    return new ElmanBuilder()
      .withInputWeights(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed))
      .withRecurrentWeights(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1))
      .withBias(tf.zeros([units]));
  }

  build(): StepFn {
    const { wIn, wRec, bias, act } = this;
    if (!wIn || !wRec || !bias) {
      throw new Error('ElmanBuilder: input weights, recurrent weights and bias are required');
    }
    return (x, h) =>
      tf.tidy(() => {
        const pre = tf.matMul(x, wIn);
        const recurrent = tf.matMul(h, wRec);
        pre.add(recurrent);
        return act(pre.add(bias));
      });
  }
}

// xs: [batch, time, features] -> hidden states [batch, time, units]
export function unroll(step: StepFn, xs: tf.Tensor3D, h0: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => {
    const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
    const states: tf.Tensor2D[] = [];
    let h = h0;
    for (const x of steps) {
      h = step(x, h);
      states.push(h);
    }
    return tf.stack(states, 1) as tf.Tensor3D;
  });
}

export function lastState(step: StepFn, xs: tf.Tensor3D, units: number): tf.Tensor2D {
  return tf.tidy(() => {
    const h0 = tf.zeros([xs.shape[0], units]) as tf.Tensor2D;
    const all = unroll(step, xs, h0);
    const t = xs.shape[1];
    return all.slice([0, t - 1, 0], [-1, 1, -1]).squeeze([1]) as tf.Tensor2D;
  });
}
