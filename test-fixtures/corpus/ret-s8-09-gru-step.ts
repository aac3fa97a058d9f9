// expect: returns-input-state
// A functional GRU step plus a helper that runs it over a sensor time series to forecast the next reading.
import * as tf from '@tensorflow/tfjs';

export interface GruParams {
  Wz: tf.Tensor2D; Uz: tf.Tensor2D; bz: tf.Tensor1D;
  Wr: tf.Tensor2D; Ur: tf.Tensor2D; br: tf.Tensor1D;
  Wh: tf.Tensor2D; Uh: tf.Tensor2D; bh: tf.Tensor1D;
  Wo: tf.Tensor2D; bo: tf.Tensor1D;
}

export interface StepResult {
  output: tf.Tensor2D;
  state: tf.Tensor2D;
}

export function initGru(inputDim: number, units: number, outDim: number): GruParams {
  const m = (r: number, c: number) => tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)) as tf.Tensor2D;
  const z = (n: number) => tf.zeros([n]) as tf.Tensor1D;
  return {
    Wz: m(inputDim, units), Uz: m(units, units), bz: z(units),
    Wr: m(inputDim, units), Ur: m(units, units), br: z(units),
    Wh: m(inputDim, units), Uh: m(units, units), bh: z(units),
    Wo: m(units, outDim), bo: z(outDim),
  };
}

export function gruStep(p: GruParams, x: tf.Tensor2D, state: tf.Tensor2D): StepResult {
  const update = tf.sigmoid(x.matMul(p.Wz).add(state.matMul(p.Uz)).add<tf.Tensor2D>(p.bz));
  const reset = tf.sigmoid(x.matMul(p.Wr).add(state.matMul(p.Ur)).add<tf.Tensor2D>(p.br));
  const candidate = tf.tanh(
    x.matMul(p.Wh).add(reset.mul(state).matMul(p.Uh)).add<tf.Tensor2D>(p.bh),
  );
  const nextState = update.mul(state).add<tf.Tensor2D>(tf.sub(1, update).mul(candidate));
  const output = nextState.matMul(p.Wo).add<tf.Tensor2D>(p.bo);
  return { output, state };
}

/** Feeds the readings one at a time and returns the forecast made after the last one. */
export function forecastNext(p: GruParams, readings: number[][], units: number): number[] {
  return tf.tidy(() => {
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    let last: tf.Tensor2D | null = null;
    for (const r of readings) {
      const x = tf.tensor2d([r]);
      const res = gruStep(p, x, h);
      h = res.state;
      last = res.output;
    }
    return last ? Array.from(last.dataSync()) : [];
  });
}

export function demo(): void {
  const p = initGru(3, 16, 3);
  const series: number[][] = [];
  for (let t = 0; t < 24; t++) {
    series.push([Math.sin(t / 4), Math.cos(t / 4), t / 24]);
  }
  console.log('forecast', forecastNext(p, series, 16));
}
