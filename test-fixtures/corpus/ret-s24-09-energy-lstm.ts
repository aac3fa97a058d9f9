// expect: returns-input-state
// Hour-ahead household energy forecaster: an LSTM cell stepped one reading at a time as meter data arrives.
import * as tf from '@tensorflow/tfjs';

export type LstmState = { readonly h: tf.Tensor2D; readonly c: tf.Tensor2D };
export type LstmParams = { kernel: tf.Tensor2D; recurrent: tf.Tensor2D; bias: tf.Tensor1D; readout: tf.Tensor2D };

const config = {
  features: 3, // kWh, outdoor temperature, hour-of-day (scaled)
  units: 10,
  forgetBias: 1.0,
} as const satisfies Record<string, number>;

export function initParams(seed = 5): LstmParams {
  const { features, units, forgetBias } = config;
  const bias = tf.tidy(() =>
    tf.concat([tf.zeros([units]), tf.fill([units], forgetBias), tf.zeros([2 * units])]),
  ) as tf.Tensor1D;
  return {
    kernel: tf.randomNormal([features, 4 * units], 0, 0.3, 'float32', seed),
    recurrent: tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1),
    bias,
    readout: tf.randomNormal([units, 1], 0, 0.3, 'float32', seed + 2),
  };
}

export function lstmStep(p: LstmParams, x: tf.Tensor2D, state: LstmState): LstmState {
  const { h, c } = state;
  const gates = tf.add(tf.add(tf.matMul(x, p.kernel), tf.matMul(h, p.recurrent)), p.bias);
  const [i, f, g, o] = tf.split(gates, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
  return { h: hNext, c };
}

export class MeterForecaster {
  #state: LstmState = { h: tf.zeros([1, config.units]), c: tf.zeros([1, config.units]) };
  #seen = 0;

  constructor(private readonly params: LstmParams = initParams()) {}

  /** Feed one reading; returns forecast of next hour's kWh. */
  push(reading: readonly [kwh: number, tempC: number, hour: number]): number {
    const [kwh, temp, hour] = reading;
    const x = tf.tensor2d([[kwh, temp / 40, hour / 23]]);
    const next = tf.tidy(() => lstmStep(this.params, x, this.#state));
    const yhat = tf.tidy(() => tf.matMul(next.h, this.params.readout));
    const value = yhat.dataSync()[0] ?? 0;
    if (next.h !== this.#state.h) this.#state.h.dispose();
    if (next.c !== this.#state.c) this.#state.c.dispose();
    this.#state = next;
    tf.dispose([x, yhat]);
    this.#seen++;
    return value;
  }

  get seen() {
    return this.#seen;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = new MeterForecaster();
  const day = Array.from({ length: 24 }, (_, hr) => [0.4 + 0.3 * Math.sin((hr - 7) / 3), 12 + hr / 3, hr] as const);
  const preds = day.map((r) => f.push(r));
  console.log(preds.map((p) => p.toFixed(3)).join(' '));
  console.log('readings seen:', f.seen, 'live tensors:', tf.memory().numTensors);
}
