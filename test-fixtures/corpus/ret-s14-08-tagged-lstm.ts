// expect: returns-input-state
// Recurrent core for a time-series forecaster; cells share a tagged state type so LSTM and GRU can be swapped by config.
import * as tf from '@tensorflow/tfjs';

export enum CellType {
  Lstm = 'lstm',
  Gru = 'gru',
}

export type State =
  | { readonly type: CellType.Lstm; readonly h: tf.Tensor; readonly c: tf.Tensor }
  | { readonly type: CellType.Gru; readonly h: tf.Tensor };

export interface Core<S extends State> {
  readonly type: S['type'];
  init(batch: number): S;
  step(x: tf.Tensor, s: S): readonly [tf.Tensor, S];
}

type LstmState = Extract<State, { type: CellType.Lstm }>;
type GruState = Extract<State, { type: CellType.Gru }>;

const rand = (shape: [number, number], seed: number) =>
  tf.variable(tf.randomNormal(shape, 0, 0.25, 'float32', seed));

export function lstmCore(inputDim: number, units: number): Core<LstmState> {
  const w = rand([inputDim, 4 * units], 1);
  const u = rand([units, 4 * units], 2);
  const b = tf.variable(tf.zeros([4 * units]));
  return {
    type: CellType.Lstm,
    init: (batch) => ({ type: CellType.Lstm, h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) }),
    step: (x, s) => {
      const [i, f, g, o] = tf.split(x.matMul(w).add(s.h.matMul(u)).add(b), 4, 1);
      const c = tf.sigmoid(f).mul(s.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c));
      return [h, { ...s, h }] as const;
    },
  };
}

export function gruCore(inputDim: number, units: number): Core<GruState> {
  const w = rand([inputDim, 3 * units], 3);
  const u = rand([units, 3 * units], 4);
  return {
    type: CellType.Gru,
    init: (batch) => ({ type: CellType.Gru, h: tf.zeros([batch, units]) }),
    step: (x, s) => {
      const [zx, rx, nx] = tf.split(x.matMul(w), 3, 1);
      const [zh, rh, nh] = tf.split(s.h.matMul(u), 3, 1);
      const z = tf.sigmoid(zx.add(zh));
      const r = tf.sigmoid(rx.add(rh));
      const n = tf.tanh(nx.add(r.mul(nh)));
      const h = z.mul(s.h).add(tf.sub(1, z).mul(n));
      return [h, { ...s, h }] as const;
    },
  };
}

export function forecast<S extends State>(core: Core<S>, head: tf.Tensor, history: number[][], horizon: number): number[] {
  return tf.tidy(() => {
    let s = core.init(1);
    let y: tf.Tensor = tf.zeros([1, history[0].length]);
    for (const row of history) {
      [y, s] = core.step(tf.tensor2d([row]), s);
    }
    const preds: number[] = [];
    let next = y.matMul(head);
    for (let k = 0; k < horizon; k++) {
      preds.push(next.dataSync()[0]);
      [y, s] = core.step(next, s);
      next = y.matMul(head);
    }
    return preds;
  });
}

if (require.main === module) {
  const units = 6;
  const head = tf.randomNormal([units, 1], 0, 0.5, 'float32', 9);
  const history = [[0.1], [0.4], [0.8], [0.5], [0.2], [-0.1]];
  console.log('lstm', forecast(lstmCore(1, units), head, history, 4));
  console.log('gru', forecast(gruCore(1, units), head, history, 4));
}
