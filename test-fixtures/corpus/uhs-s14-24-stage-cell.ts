// expect: unused-hidden-state
// Configurable recurrent cell assembled from small stage functions, so activations and norms can be switched per experiment.
import * as tf from '@tensorflow/tfjs';

export enum Activation {
  Tanh = 'tanh',
  Relu = 'relu',
  Elu = 'elu',
}

export interface CellParams {
  readonly kernel: tf.Tensor;
  readonly recurrentKernel: tf.Tensor;
  readonly bias: tf.Tensor;
  readonly gain: tf.Tensor;
}

export type Stage = (acc: tf.Tensor, ctx: { readonly x: tf.Tensor; readonly h: tf.Tensor; readonly p: CellParams }) => tf.Tensor;

const activations: Record<Activation, (t: tf.Tensor) => tf.Tensor> = {
  [Activation.Tanh]: (t) => tf.tanh(t),
  [Activation.Relu]: (t) => tf.relu(t),
  [Activation.Elu]: (t) => tf.elu(t),
};

export const Stages = {
  project: ((_acc, { x, p }) => x.matMul(p.kernel)) as Stage,
  recur: ((acc, { h, p }) => acc.add(h.matMul(p.recurrentKernel))) as Stage,
  bias: ((acc, { p }) => acc.add(p.bias)) as Stage,
  layerNorm: ((acc, { p }) => {
    const { mean, variance } = tf.moments(acc, -1, true);
    return acc.sub(mean).div(variance.add(1e-5).sqrt()).mul(p.gain);
  }) as Stage,
  activate: (kind: Activation): Stage => (acc) => activations[kind](acc),
};

export interface StageCell {
  readonly units: number;
  step(x: tf.Tensor, h: tf.Tensor): readonly [tf.Tensor, tf.Tensor];
}

export function buildCell(p: CellParams, stages: readonly Stage[]): StageCell {
  return {
    units: p.bias.shape[0],
    step(x, h) {
      const ctx = { x, h, p } as const;
      const next = stages.reduce((acc, stage) => stage(acc, ctx), tf.zeros([x.shape[0], p.bias.shape[0]]));
      return [next, next] as const;
    },
  };
}

export function layerNormRnn(p: CellParams, act: Activation = Activation.Tanh): StageCell {
  return buildCell(p, [Stages.project, Stages.bias, Stages.layerNorm, Stages.activate(act)]);
}

export function randomParams(inputDim: number, units: number): CellParams {
  return {
    kernel: tf.randomNormal([inputDim, units], 0, 0.3, 'float32', 81),
    recurrentKernel: tf.randomNormal([units, units], 0, 0.3, 'float32', 82),
    bias: tf.zeros([units]),
    gain: tf.ones([units]),
  };
}

export function encode(cell: StageCell, rows: readonly number[][]): number[] {
  const last = tf.tidy(() =>
    rows.reduce<tf.Tensor>((h, row) => cell.step(tf.tensor2d([row]), h)[1], tf.zeros([1, cell.units])));
  const out = Array.from(last.dataSync());
  last.dispose();
  return out;
}

if (require.main === module) {
  const cell = layerNormRnn(randomParams(3, 6), Activation.Tanh);
  console.log(encode(cell, [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]));
}
