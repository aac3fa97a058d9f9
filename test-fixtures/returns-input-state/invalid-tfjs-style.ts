// Names in tfjs-layers' own style (`hTMinus1`, `cTMinus1`) and an object result with `next`.
import * as tf from '@tensorflow/tfjs';
import * as tfc from '@tensorflow/tfjs-core';

export class LSTMLikeCell extends tf.layers.RNNCell {
  static className = 'LSTMLikeCell';
  stateSize = [8, 8];
  private kernel = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

  override call(inputs: tfc.Tensor | tfc.Tensor[]): tfc.Tensor[] {
    return tfc.tidy(() => {
      if (!Array.isArray(inputs)) throw new Error('expected [x, h, c]');
      const hTMinus1 = inputs[1];
      const cTMinus1 = inputs[2];
      inputs = inputs[0];
      const z = tfc.add(tfc.matMul(inputs, this.kernel), tfc.matMul(hTMinus1, this.recurrentKernel));
      const [zI, zF, zC, zO] = tfc.split(z, 4, 1);
      const c = tfc.add(tfc.mul(tfc.sigmoid(zF), cTMinus1), tfc.mul(tfc.sigmoid(zI), tfc.tanh(zC)));
      const h = tfc.mul(tfc.sigmoid(zO), tfc.tanh(c));
      return [h, h, cTMinus1];
//                  ~~~~~~~~ returns-input-state
    });
  }
}

interface StepResult { output: tf.Tensor2D; state: tf.Tensor2D }

export function step(x: tf.Tensor2D, state: tf.Tensor2D, p: { W: tf.Tensor2D; U: tf.Tensor2D; V?: tf.Tensor2D }): StepResult {
  const next = tf.tanh(tf.matMul(x, p.W).add(tf.matMul(state, p.U))) as tf.Tensor2D;
  const output = (p.V ? tf.matMul(next, p.V) : next) as tf.Tensor2D;
  return { output, state } satisfies StepResult;
//                 ~~~~~ returns-input-state
}

// `{ output, state }` for a parameter called `hidden`: the state slot hands back the old one.
export function rnnStep(x: tf.Tensor2D, hidden: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): { output: tf.Tensor; state: tf.Tensor } {
  const hNew = tf.tanh(tf.matMul(x, W).add(tf.matMul(hidden, U)));
  return { output: hNew, state: hidden };
//                              ~~~~~~ returns-input-state
}

// Unnamed states through a slice view: the second one is tfjs-layers' `c`, and `newC` is computed.
export class SliceLSTM extends tf.layers.RNNCell {
  static className = 'SliceLSTM';
  stateSize = [6, 6];
  private W = tf.variable(tf.randomNormal([3 + 6, 24], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const list = inputs as tf.Tensor2D[];
      const states = list.slice(1);
      const z = tf.matMul(tf.concat([list[0], states[0]], 1), this.W) as tf.Tensor2D;
      const [i, f, g, o] = tf.split(z, 4, 1);
      const newC = tf.sigmoid(f).mul(states[1]).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(newC));
      return [h, h, states[1]];
//                  ~~~~~~~~~ returns-input-state
    });
  }
}

// A declared `[tf.Tensor2D, tf.Tensor2D]` return: the new state is only inferred (`Tensor<Rank>`),
// so the fix keeps the declared type with a cast.
export function decoderStep(e: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, V: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hNew = tf.tanh(tf.matMul(tf.concat([e, h], 1), W));
  const logits = tf.matMul(hNew, V) as tf.Tensor2D;
  return [logits, h];
//                ~ returns-input-state
}
