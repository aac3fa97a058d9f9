// expect: returns-input-state
// Order-flow toxicity estimator: a factory builds an LSTM step closure that the market-making loop calls on every fill.
import * as tf from '@tensorflow/tfjs';

export type CellState = {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
};

export interface Fill {
  side: 1 | -1;
  qty: number;
  markoutBp: number;
}

export type StepFn = (x: tf.Tensor2D, state: CellState) => { y: tf.Tensor2D; state: CellState };

export function makeFlowCell(inputs: number, units: number, seed = 171): { step: StepFn; zero: () => CellState } {
  const W = tf.randomNormal([inputs + units, 4 * units], 0, 0.3, 'float32', seed);
  const b = tf.zeros([4 * units]);
  const Wy = tf.randomNormal([units, 1], 0, 0.5, 'float32', seed + 1);

  const step: StepFn = (x, state) =>
    tf.tidy(() => {
      const gates = tf.concat([x, state.h], 1).matMul(W).add(b);
      const [i, f, o, g] = tf.split(gates, 4, 1);
      const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      const y = tf.sigmoid(h.matMul(Wy)) as tf.Tensor2D;
      return { y, state };
    });

  const zero = (): CellState => ({ h: tf.zeros([1, units]), c: tf.zeros([1, units]) });
  return { step, zero };
}

export class Quoter {
  private state: CellState;
  private readonly cell = makeFlowCell(3, 8);
  spreadBp = 2;

  constructor() {
    this.state = this.cell.zero();
  }

  onFill(fill: Fill): number {
    const x = tf.tensor2d([[fill.side, Math.log10(1 + fill.qty), fill.markoutBp / 5]]);
    const { y, state } = this.cell.step(x, this.state);
    const toxicity = y.dataSync()[0];
    tf.dispose([x, y]);
    this.state = state;
    this.spreadBp = 1 + 6 * toxicity;
    return toxicity;
  }

  currentState(): { h: number[]; c: number[] } {
    return { h: Array.from(this.state.h.dataSync()), c: Array.from(this.state.c.dataSync()) };
  }
}

if (require.main === module) {
  const q = new Quoter();
  for (let k = 0; k < 30; k++) {
    const informed = k >= 20;
    const fill: Fill = {
      side: informed ? 1 : k % 2 === 0 ? 1 : -1,
      qty: informed ? 5000 : 200,
      markoutBp: informed ? -3 : 0.5 * Math.sin(k),
    };
    const tox = q.onFill(fill);
    if (k % 5 === 4) console.log(`fill ${k}: toxicity=${tox.toFixed(3)} spread=${q.spreadBp.toFixed(2)}bp`);
  }
  console.log('h[0..3]', q.currentState().h.slice(0, 4).map((v) => v.toFixed(3)));
}
