// expect: bptt-cut
// Trains a recurrent demand model on daily store sales windows; the running state lives in a tf.Variable so inference can resume.
import * as tf from '@tensorflow/tfjs';

export interface DemandModelOptions {
  units?: number;
  learningRate?: number;
}

export class DemandModel {
  readonly units: number;
  readonly #state: tf.Variable<tf.Rank.R2>;
  readonly #wx: tf.Variable<tf.Rank.R2>;
  readonly #wh: tf.Variable<tf.Rank.R2>;
  readonly #b: tf.Variable<tf.Rank.R1>;
  readonly #wy: tf.Variable<tf.Rank.R2>;
  readonly #opt: tf.Optimizer;

  constructor({ units = 12, learningRate = 0.01 }: DemandModelOptions = {}) {
    this.units = units;
    this.#state = tf.variable(tf.zeros([1, units]), false, 'demand/state');
    this.#wx = tf.variable(tf.randomNormal([2, units], 0, 0.3), true, 'demand/wx');
    this.#wh = tf.variable(tf.randomNormal([units, units], 0, 0.3), true, 'demand/wh');
    this.#b = tf.variable(tf.zeros([units]), true, 'demand/b');
    this.#wy = tf.variable(tf.randomNormal([units, 1], 0, 0.3), true, 'demand/wy');
    this.#opt = tf.train.adam(learningRate);
  }

  #advance(sales: number, weekday: number): tf.Tensor2D {
    const x = tf.tensor2d([[sales, weekday / 6]]);
    const h = tf.tanh(x.matMul(this.#wx).add(this.#state.matMul(this.#wh)).add(this.#b)) as tf.Tensor2D;
    this.#state.assign(h);
    return h;
  }

  resetState(): void {
    this.#state.assign(tf.zeros([1, this.units]));
  }

  /** window: [sales, weekday] pairs; target: the next day's (scaled) sales. */
  trainWindow(window: ReadonlyArray<readonly [number, number]>, target: number): number {
    const loss = this.#opt.minimize(() => {
      this.resetState();
      let h: tf.Tensor2D | undefined;
      for (const [sales, weekday] of window) h = this.#advance(sales, weekday);
      const pred = h!.matMul(this.#wy);
      return tf.losses.meanSquaredError(tf.tensor2d([[target]]), pred) as tf.Scalar;
    }, true, [this.#wx, this.#wh, this.#b, this.#wy]);
    const value = loss?.dataSync()[0] ?? Number.NaN;
    loss?.dispose();
    return value;
  }

  predictNext(sales: number, weekday: number): number {
    return tf.tidy(() => this.#advance(sales, weekday).matMul(this.#wy).dataSync()[0] ?? 0);
  }
}

const syntheticSales = (days: number) =>
  Array.from({ length: days }, (_, d) => {
    const weekday = d % 7;
    const weekend = weekday >= 5 ? 0.4 : 0;
    return [0.3 + weekend + 0.05 * Math.sin(d / 9), weekday] as const;
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = new DemandModel();
  const days = syntheticSales(120);
  const WINDOW = 10;
  for (let epoch = 0; epoch < 4; epoch++) {
    let total = 0;
    for (let s = 0; s + WINDOW < days.length; s += 3) {
      total += model.trainWindow(days.slice(s, s + WINDOW), days[s + WINDOW]![0]);
    }
    console.log(`epoch ${epoch} loss ${total.toFixed(4)}`);
  }
  model.resetState();
  for (const [sales, wd] of days.slice(-7)) console.log(`wd=${wd} next≈${model.predictNext(sales, (wd + 1) % 7).toFixed(3)}`);
}
