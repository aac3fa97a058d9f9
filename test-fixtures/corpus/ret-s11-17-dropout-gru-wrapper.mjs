// expect: returns-input-state
// GRU cell plus a regularised subclass that applies output dropout while training the churn model.
import * as tf from '@tensorflow/tfjs';

export class GRUCell {
  constructor(inputDim, units, seed = 40) {
    this.units = units;
    const init = (shape, s) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', s));
    this.Wzr = init([inputDim, 2 * units], seed);
    this.Uzr = init([units, 2 * units], seed + 1);
    this.Wh = init([inputDim, units], seed + 2);
    this.Uh = init([units, units], seed + 3);
  }

  initialState(batch) {
    return { h: tf.zeros([batch, this.units]) };
  }

  step(x, state) {
    const zr = tf.sigmoid(tf.add(tf.matMul(x, this.Wzr), tf.matMul(state.h, this.Uzr)));
    const [z, r] = tf.split(zr, 2, 1);
    const cand = tf.tanh(tf.add(tf.matMul(x, this.Wh), tf.matMul(tf.mul(r, state.h), this.Uh)));
    const h = tf.add(tf.mul(z, state.h), tf.mul(tf.sub(1, z), cand));
    return { output: h, state: { h } };
  }
}

export class DropoutGRUCell extends GRUCell {
  constructor(inputDim, units, rate = 0.2, seed = 40) {
    super(inputDim, units, seed);
    this.rate = rate;
    this.training = true;
  }

  step(x, state) {
    const next = super.step(x, state);
    const output = this.training ? tf.dropout(next.output, this.rate) : next.output;
    return { output, state };
  }
}

export function encodeCustomer(cell, events) {
  return tf.tidy(() => {
    let state = cell.initialState(1);
    const outputs = [];
    for (const ev of events) {
      const res = cell.step(tf.tensor2d([ev]), state);
      outputs.push(res.output);
      state = res.state;
    }
    return { last: state.h, pooled: tf.mean(tf.concat(outputs, 0), 0, true) };
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const cell = new DropoutGRUCell(3, 5);
  cell.training = false;
  const events = [[1, 0, 0.5], [0, 1, 0.2], [1, 1, 0.9]];
  const { last, pooled } = encodeCustomer(cell, events);
  last.print();
  pooled.print();
}
