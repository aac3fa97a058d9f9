// expect: returns-input-state
// GRU cell with a projection head, wrapped in a generic pipeline so preprocessing and cell steps compose cleanly.
import * as tf from '@tensorflow/tfjs';

export type Step<S> = (x: tf.Tensor, s: S) => readonly [tf.Tensor, S];
export type Transform = (x: tf.Tensor) => tf.Tensor;

export function pipe<S>(pre: readonly Transform[], step: Step<S>): Step<S> {
  return (x, s) => step(pre.reduce((acc, f) => f(acc), x), s);
}

export interface GruWeights {
  readonly wz: tf.Tensor; readonly uz: tf.Tensor;
  readonly wr: tf.Tensor; readonly ur: tf.Tensor;
  readonly wn: tf.Tensor; readonly un: tf.Tensor;
  readonly proj: tf.Tensor;
}

export class GruCell {
  constructor(private readonly w: GruWeights) {}

  private gates(x: tf.Tensor, prev: tf.Tensor): { z: tf.Tensor; r: tf.Tensor } {
    const z = tf.sigmoid(x.matMul(this.w.wz).add(prev.matMul(this.w.uz)));
    const r = tf.sigmoid(x.matMul(this.w.wr).add(prev.matMul(this.w.ur)));
    return { z, r };
  }

  readonly step: Step<tf.Tensor> = (x, prev) => {
    const { z, r } = this.gates(x, prev);
    const cand = tf.tanh(x.matMul(this.w.wn).add(r.mul(prev).matMul(this.w.un)));
    const h = tf.add(tf.mul(z, prev), tf.mul(tf.sub(1, z), cand));
    const y = h.matMul(this.w.proj);
    return [y, prev] as const;
  };
}

export const standardise = (mean: number, sd: number): Transform => (x) => x.sub(mean).div(sd);
export const clip = (lo: number, hi: number): Transform => (x) => x.clipByValue(lo, hi);

export function randomGru(inputDim: number, units: number, outDim: number): GruWeights {
  let seed = 100;
  const r = (a: number, b: number) => tf.randomNormal([a, b], 0, 0.35, 'float32', seed++);
  return {
    wz: r(inputDim, units), uz: r(units, units),
    wr: r(inputDim, units), ur: r(units, units),
    wn: r(inputDim, units), un: r(units, units),
    proj: r(units, outDim),
  };
}

export function runSeries(series: readonly number[][], units = 8): number[][] {
  const cell = new GruCell(randomGru(series[0].length, units, 1));
  const step = pipe([standardise(0.5, 0.25), clip(-3, 3)], cell.step);
  const result = tf.tidy(() => {
    let h = tf.zeros([1, units]);
    const ys: tf.Tensor[] = [];
    for (const row of series) {
      const [y, next] = step(tf.tensor2d([row]), h);
      ys.push(y);
      h = next;
    }
    return tf.concat(ys, 0);
  });
  const values = result.arraySync() as number[][];
  result.dispose();
  return values;
}

if (require.main === module) {
  const series = Array.from({ length: 10 }, (_, t) => [0.5 + 0.2 * Math.sin(t), 0.5 + 0.1 * t / 10]);
  console.log(runSeries(series));
}
