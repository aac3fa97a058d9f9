// expect: returns-input-state
// LSTM cell with an explicit (h, c) state record and a generic unroll helper, used by the keystroke-dynamics model.
import * as tf from '@tensorflow/tfjs';

export type LSTMState = { h: tf.Tensor2D; c: tf.Tensor2D };

export interface Cell<S> {
  readonly units: number;
  zeroState(batch: number): S;
  forward(input: tf.Tensor2D, state: S): [tf.Tensor2D, S];
}

abstract class BaseCell<S> implements Cell<S> {
  constructor(readonly inputDim: number, readonly units: number) {}
  abstract zeroState(batch: number): S;
  abstract forward(input: tf.Tensor2D, state: S): [tf.Tensor2D, S];

  protected glorot(rows: number, cols: number): tf.Variable {
    const s = Math.sqrt(6 / (rows + cols));
    return tf.variable(tf.randomUniform([rows, cols], -s, s));
  }
}

export class LSTMCell extends BaseCell<LSTMState> {
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;
  private readonly b: tf.Variable;

  constructor(inputDim: number, units: number) {
    super(inputDim, units);
    this.wx = this.glorot(inputDim, 4 * units);
    this.wh = this.glorot(units, 4 * units);
    this.b = tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
  }

  override zeroState(batch: number): LSTMState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  override forward(input: tf.Tensor2D, state: LSTMState): [tf.Tensor2D, LSTMState] {
    const { h, c } = state;
    return tf.tidy(() => {
      const gates = tf.add(
        tf.add(tf.matMul(input, this.wx as tf.Tensor2D), tf.matMul(h, this.wh as tf.Tensor2D)),
        this.b,
      ) as tf.Tensor2D;
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
      return [hNext, { h: hNext, c }];
    });
  }
}

/** Scans any cell over a list of time steps, returning the stacked outputs and the final state. */
export function unroll<S>(cell: Cell<S>, steps: tf.Tensor2D[], initial?: S): { outputs: tf.Tensor2D[]; state: S } {
  let state = initial ?? cell.zeroState(steps[0].shape[0]);
  const outputs: tf.Tensor2D[] = [];
  for (const x of steps) {
    const [y, next] = cell.forward(x, state);
    outputs.push(y);
    state = next;
  }
  return { outputs, state };
}

export class TypingModel {
  readonly cell = new LSTMCell(3, 24);
  private readonly head = tf.variable(tf.randomNormal([24, 2], 0, 0.2));

  /** timings: [batch, time, 3] (hold, flight, pressure) -> p(same user) */
  predict(timings: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      const { state } = unroll(this.cell, tf.unstack(timings, 1) as tf.Tensor2D[]);
      return tf.softmax(tf.matMul(state.h, this.head as tf.Tensor2D));
    });
  }
}

if (require.main === module) {
  const model = new TypingModel();
  model.predict(tf.randomUniform([4, 40, 3]) as tf.Tensor3D).print();
}
