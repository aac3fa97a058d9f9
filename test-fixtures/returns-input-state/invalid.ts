// Steps that compute a new state and then hand on the one they received.
import * as tf from '@tensorflow/tfjs';

// LSTM cell: `newC` is computed, the old `c` is returned in its place.
export class LstmCell extends tf.layers.RNNCell {
  static className = 'LstmCell';
  stateSize = [8, 8];
  private kernel = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h, c] = inputs as tf.Tensor[];
      const z = tf.add(tf.matMul(x, this.kernel), tf.matMul(h, this.recurrentKernel));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const newC = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const newH = tf.mul(tf.sigmoid(o), tf.tanh(newC));
      return [newH, newH, c];
//                        ~ returns-input-state
    });
  }
}

// GRU step returning [output, nextState]: the output is right, the next state is the old one.
const Wz = tf.variable(tf.randomNormal([12, 8], 0, 0.1));
const Wn = tf.variable(tf.randomNormal([12, 8], 0, 0.1));

export function gruStep(x: tf.Tensor2D, hPrev: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const xh = tf.concat([x, hPrev], 1);
  const z = tf.sigmoid(tf.matMul(xh, Wz));
  const n = tf.tanh(tf.matMul(xh, Wn));
  const hNew = tf.sub(1, z).mul(n).add(z.mul(hPrev)) as tf.Tensor2D;
  return [hNew, hPrev];
//              ~~~~~ returns-input-state
}

export function encode(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const [y, hNext] = gruStep(x, h);
    outs.push(y);
    h = hNext;
  }
  return outs;
}

// An object state: `h` is new, `c` is handed back as it came.
export interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

export function lstmStep(x: tf.Tensor2D, { h, c }: LstmState): LstmState {
  const z = tf.matMul(tf.concat([x, h], 1), Wz) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew)) as tf.Tensor2D;
  return { h: hNew, c };
//                  ~ returns-input-state
}

// PyTorch-style forward: the new hidden state is computed and the old one returned.
export class SimpleRNNCell {
  private wIh = tf.layers.dense({ units: 8, inputShape: [4] });
  private wHh = tf.layers.dense({ units: 8, inputShape: [8] });

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const newHidden = tf.tanh(tf.add(this.wIh.apply(input) as tf.Tensor, this.wHh.apply(hidden) as tf.Tensor)) as tf.Tensor2D;
    newHidden.print();
    return hidden;
//         ~~~~~~ returns-input-state
  }
}

// Two computed candidates: which one is the new state is the author's call (suggestions only).
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
export function highwayStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const hCarry = tf.mul(h, tf.sigmoid(tf.matMul(h, U))) as tf.Tensor2D;
  const hUpdate = tf.tanh(tf.add(tf.matMul(x, Wn), tf.matMul(h, U))) as tf.Tensor2D;
  return h;
//       ~ returns-input-state
}

// The candidate is computed in a block the return cannot see: no edit is offered.
export function blockStep(x: tf.Tensor2D, h: tf.Tensor2D, training: boolean): tf.Tensor2D {
  if (training) {
    const hNext = tf.tanh(tf.add(tf.matMul(x, Wn), tf.matMul(h, U))) as tf.Tensor2D;
    hNext.print();
  }
  return h;
//       ~ returns-input-state
}

// `([x, h]) =>` step.
const kernel = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
export const rnnStep = ([x, h]: tf.Tensor[]): tf.Tensor[] => {
  const out = tf.tanh(x.matMul(kernel).add(h.matMul(U)));
  return [out, h];
//             ~ returns-input-state
};

// A tuple state in, a tuple state out (`[y, [h, c]]`): the new cell state is computed, the old one returned.
export class TupleLSTM {
  constructor(private readonly W: tf.Tensor2D, private readonly b: tf.Tensor1D, private readonly V: tf.Tensor2D) {}

  forward(x: tf.Tensor2D, [h, c]: tf.Tensor2D[]): [tf.Tensor, tf.Tensor[]] {
    const z = tf.concat([x, h], 1).matMul(this.W).add(this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
    return [hNew.matMul(this.V), [hNew, c]];
//                                      ~ returns-input-state
  }
}

// A tuple state taken whole, destructured inside, and returned rebuilt from its own elements.
export class CarryLSTM {
  constructor(private readonly Wx: tf.Tensor2D, private readonly Wh: tf.Tensor2D, private readonly Wout: tf.Tensor2D) {}

  forward(input: tf.Tensor2D, carry: [tf.Tensor2D, tf.Tensor2D]): [tf.Tensor2D, [tf.Tensor2D, tf.Tensor2D]] {
    const [h, c] = carry;
    const [zi, zf, zg, zo] = tf.split(input.matMul(this.Wx).add(h.matMul(this.Wh)), 4, -1);
    const c_n = zf.sigmoid().mul(c).add(zi.sigmoid().mul(zg.tanh())) as tf.Tensor2D;
    const h_n = zo.sigmoid().mul(c_n.tanh()) as tf.Tensor2D;
    return [h_n.matMul(this.Wout) as tf.Tensor2D, [h, c]];
//                                                 ~ returns-input-state
//                                                    ~ returns-input-state
  }
}

// A tuple state destructured inside and returned under its own name next to the output: the new
// cell state is computed (and feeds hNext) but the old one is handed back.
export class PeepholeTupleLSTM {
  constructor(private readonly W: tf.Tensor2D, private readonly peep: tf.Tensor1D) {}

  step(x: tf.Tensor2D, state: [tf.Tensor2D, tf.Tensor2D]): { y: tf.Tensor2D; state: [tf.Tensor2D, tf.Tensor2D] } {
    const [h, c] = state;
    const [zi, zf, zg, zo] = tf.split(tf.concat([x, h], 1).matMul(this.W), 4, 1);
    const cNext = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg))) as tf.Tensor2D;
    const hNext = tf.sigmoid(tf.add(zo, tf.mul(cNext, this.peep))).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { y: hNext, state: [hNext, c] };
//                                    ~ returns-input-state
  }
}
