// expect: stacked-activation
// Runs a small recurrent model over multichannel sensor readings and emits a per-step anomaly score via an optional hook.
import * as tf from '@tensorflow/tfjs';

export type StepHook = (t: number, score: number) => void;

export interface SensorRnnOptions {
  channels: number;
  units?: number;
  activation?: 'tanh' | 'relu';
  onStep?: StepHook;
}

export class SensorRnn {
  readonly #wIn: tf.Tensor2D;
  readonly #wRec: tf.Tensor2D;
  readonly #bias: tf.Tensor1D;
  readonly #wOut: tf.Tensor2D;
  readonly #opts: Required<Omit<SensorRnnOptions, 'onStep'>> & Pick<SensorRnnOptions, 'onStep'>;

  constructor(opts: SensorRnnOptions) {
    this.#opts = { units: 24, activation: 'tanh', ...opts };
    const { channels, units } = this.#opts;
    this.#wIn = tf.randomUniform([channels, units], -0.5, 0.5, 'float32', 1);
    this.#wRec = tf.randomUniform([units, units], -0.5, 0.5, 'float32', 2);
    this.#bias = tf.zeros([units]);
    this.#wOut = tf.randomUniform([units, 1], -0.5, 0.5, 'float32', 3);
  }

  #activate(t: tf.Tensor2D): tf.Tensor2D {
    return this.#opts.activation === 'relu' ? tf.relu(t) : tf.tanh(t);
  }

  #step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const prev = this.#activate(h);
    const pre = tf.addN([x.matMul(this.#wIn), prev.matMul(this.#wRec), this.#bias.expandDims(0)]);
    return this.#activate(pre as tf.Tensor2D);
  }

  /** readings: [time][channel]; returns a sigmoid anomaly score per time step. */
  score(readings: number[][]): number[] {
    const scores = tf.tidy(() => {
      let h = tf.zeros([1, this.#opts.units]) as tf.Tensor2D;
      const out: tf.Tensor[] = [];
      readings.forEach((row) => {
        h = this.#step(tf.tensor2d([row]), h);
        out.push(tf.sigmoid(h.matMul(this.#wOut)).reshape([1]));
      });
      return tf.concat(out);
    });
    const values = Array.from(scores.dataSync());
    scores.dispose();
    values.forEach((v, t) => this.#opts.onStep?.(t, v));
    return values;
  }

  dispose() {
    tf.dispose([this.#wIn, this.#wRec, this.#bias, this.#wOut]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readings = Array.from({ length: 20 }, (_, t) => [
    Math.sin(t / 3),
    Math.cos(t / 5),
    t === 13 ? 4 : 0.1 * Math.random(),
  ]);
  const alerts: Array<{ t: number; score: number }> = [];
  const rnn = new SensorRnn({
    channels: 3,
    onStep: (t, score) => score > 0.7 && alerts.push({ t, score }),
  });
  const scores = rnn.score(readings);
  console.log(scores.map((s) => s.toFixed(2)).join(' '));
  console.log('alerts:', alerts);
  rnn.dispose();
}
