// expect: returns-input-state
// Daily demand forecaster: an LSTM cell walks each store's sales history and a linear head predicts tomorrow's units.
import * as tf from '@tensorflow/tfjs';

export type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export interface StoreDay {
  units: number;
  promo: 0 | 1;
  weekday: number;
}

export class DemandLstm {
  readonly hidden: number;
  private readonly W: tf.Variable;
  private readonly U: tf.Variable;
  private readonly b: tf.Variable;
  private readonly head: tf.Variable;

  constructor(inputSize = 3, hidden = 16) {
    this.hidden = hidden;
    this.W = tf.variable(tf.randomNormal([inputSize, 4 * hidden], 0, 0.3, 'float32', 21));
    this.U = tf.variable(tf.randomNormal([hidden, 4 * hidden], 0, 0.2, 'float32', 22));
    // forget-gate bias starts at 1 so early training keeps memory
    const bias = tf.concat([tf.zeros([hidden]), tf.ones([hidden]), tf.zeros([2 * hidden])]);
    this.b = tf.variable(bias);
    this.head = tf.variable(tf.randomNormal([hidden, 1], 0, 0.3, 'float32', 23));
  }

  initialState(): LstmState {
    return { h: tf.zeros([1, this.hidden]), c: tf.zeros([1, this.hidden]) };
  }

  step(x: tf.Tensor2D, state: LstmState): LstmState {
    const { h, c } = state;
    return tf.tidy(() => {
      const z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
      return { h: hNext, c };
    });
  }

  forecast(days: StoreDay[], scale: number): number {
    const out = tf.tidy(() => {
      let state = this.initialState();
      for (const d of days) {
        const x = tf.tensor2d([[d.units / scale, d.promo, d.weekday / 6]]);
        state = this.step(x, state);
      }
      return tf.matMul(state.h, this.head).mul(scale);
    });
    const units = out.dataSync()[0];
    out.dispose();
    return Math.max(0, units);
  }
}

export function fakeStoreHistory(days: number, base: number): StoreDay[] {
  const history: StoreDay[] = [];
  for (let d = 0; d < days; d++) {
    const weekday = d % 7;
    const promo: 0 | 1 = d % 11 === 0 ? 1 : 0;
    const weekend = weekday >= 5 ? 1.4 : 1;
    history.push({ units: Math.round(base * weekend * (promo ? 1.5 : 1) + 5 * Math.sin(d)), promo, weekday });
  }
  return history;
}

if (require.main === module) {
  const model = new DemandLstm();
  const stores: Record<string, number> = { 'store-001': 120, 'store-014': 45, 'store-203': 300 };
  for (const [id, base] of Object.entries(stores)) {
    const hist = fakeStoreHistory(56, base);
    const scale = Math.max(...hist.map((d) => d.units));
    console.log(`${id}: tomorrow ~ ${model.forecast(hist, scale).toFixed(1)} units`);
  }
}
