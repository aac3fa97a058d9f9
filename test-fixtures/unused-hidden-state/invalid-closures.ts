// Steps made by factories and cells written like tfjs-layers' own, each ignoring its state.
import * as tf from '@tensorflow/tfjs';
import { layers, initializers, LayerVariable } from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

// A factory captures the recurrent weight `U`, but the step it returns never uses the state.
function makeCell(W: tf.Tensor2D, U: tf.Tensor2D, b: tf.Tensor1D) {
  return (x: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D => tf.tanh(tf.matMul(x, W).add(b));
//                        ~ unused-hidden-state
}

export function encode(xs: tf.Tensor2D[], units: number): tf.Tensor2D {
  const cell = makeCell(tf.randomNormal([4, units]), tf.randomNormal([units, units]), tf.zeros([units]));
  let s = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) s = cell(x, s);
  return s;
}

// tfjs-layers style: `prevOutput = inputs[1]`, `inputs = inputs[0]`; the recurrent initializer and
// regularizer are configuration, only `recurrentKernel` is a weight, and it is left out.
export class SimpleCell extends layers.RNNCell {
  static className = 'SimpleCell';
  stateSize = 8;
  kernel: LayerVariable | null = null;
  recurrentKernel: LayerVariable | null = null;
  recurrentInitializer = initializers.orthogonal({});

  override build(inputShape: (number | null)[] | (number | null)[][]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as (number | null)[];
    this.kernel = this.addWeight('kernel', [shape[shape.length - 1]!, 8], 'float32', initializers.glorotNormal({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [8, 8], 'float32', this.recurrentInitializer);
    this.built = true;
  }

  override call(inputs: tfc.Tensor | tfc.Tensor[]): tfc.Tensor[] {
    return tfc.tidy(() => {
      if (!Array.isArray(inputs)) throw new Error('expected [x, h]');
      const prevOutput = inputs[1];
//          ~~~~~~~~~~ unused-hidden-state
      inputs = inputs[0];
      const output = tfc.tanh(tfc.matMul(inputs, this.kernel!.read()));
      return [output, output];
    });
  }
}

// A plain Layer used as a cell, `call([x, ...states])`: the states are bound and never read.
export class GatedStepLayer extends tf.layers.Layer {
  static className = 'GatedStepLayer';
  private readonly gate = tf.layers.dense({ units: 10, activation: 'sigmoid' });
  private readonly cand = tf.layers.dense({ units: 10, activation: 'tanh' });

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, ...states] = inputs as tf.Tensor[];
//                 ~~~~~~ unused-hidden-state
      const next = tf.mul(this.gate.apply(x) as tf.Tensor, this.cand.apply(x) as tf.Tensor);
      return [next, next];
    });
  }
}
