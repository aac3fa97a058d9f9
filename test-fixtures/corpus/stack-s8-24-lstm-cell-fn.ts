// expect: stacked-activation
// A functional LSTM cell with separate gate weight matrices and an unroll helper that returns every hidden state of a sequence.
import * as tf from '@tensorflow/tfjs';

export interface GateWeights {
  W: tf.Tensor2D; // [inputDim, units]
  U: tf.Tensor2D; // [units, units]
  b: tf.Tensor1D; // [units]
}

export interface LstmParams {
  input: GateWeights;
  forget: GateWeights;
  cell: GateWeights;
  output: GateWeights;
}

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

function affine(g: GateWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.add(tf.matMul(x, g.W), tf.matMul(h, g.U)), g.b);
}

export function lstmCell(p: LstmParams, x: tf.Tensor2D, state: LstmState): LstmState {
  const i = tf.sigmoid(affine(p.input, x, state.h));
  const f = tf.sigmoid(affine(p.forget, x, state.h));
  const o = tf.sigmoid(affine(p.output, x, state.h));
  const g = tf.tanh(affine(p.cell, x, state.h));

  const c = tf.add(tf.mul(f, state.c), tf.mul(i, tf.tanh(g))) as tf.Tensor2D;
  const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
  return { h, c };
}

export function initLstm(inputDim: number, units: number): LstmParams {
  const gate = (bias: number): GateWeights => ({
    W: tf.randomUniform([inputDim, units], -0.08, 0.08) as tf.Tensor2D,
    U: tf.randomUniform([units, units], -0.08, 0.08) as tf.Tensor2D,
    b: tf.fill([units], bias) as tf.Tensor1D,
  });
  return { input: gate(0), forget: gate(1), cell: gate(0), output: gate(0) };
}

/** xs: [batch, time, features] -> hidden states [batch, time, units] */
export function unroll(p: LstmParams, xs: tf.Tensor3D, units: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch] = xs.shape;
    let state: LstmState = { h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) };
    const hs: tf.Tensor2D[] = [];
    for (const xt of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      state = lstmCell(p, xt, state);
      hs.push(state.h);
    }
    return tf.stack(hs, 1) as tf.Tensor3D;
  });
}

export function example(): void {
  const p = initLstm(4, 8);
  const xs = tf.randomNormal([2, 5, 4]) as tf.Tensor3D;
  const hs = unroll(p, xs, 8);
  console.log('hidden states', hs.shape);
  hs.dispose();
  xs.dispose();
}
