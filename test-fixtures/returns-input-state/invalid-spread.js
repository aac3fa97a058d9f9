// JavaScript cells that hand on the incoming states through a spread or `concat`.
import * as tf from '@tensorflow/tfjs';

export class SpreadCell extends tf.layers.RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = units;
    this.kernel = tf.variable(tf.randomNormal([4, units], 0, 0.1));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, ...states] = inputs;
      const next = tf.tanh(x.matMul(this.kernel).add(states[0].matMul(this.recurrentKernel)));
      return [next, ...states];
//                  ~~~~~~~~~ returns-input-state
    });
  }

  static get className() {
    return 'SpreadCell';
  }
}

export class ConcatCell extends tf.layers.RNNCell {
  constructor() {
    super({});
    this.stateSize = 5;
    this.k = tf.variable(tf.randomNormal([2, 5], 0, 0.1));
    this.rk = tf.variable(tf.randomNormal([5, 5], 0, 0.1));
  }

  call(inputs) {
    const x = inputs[0];
    const states = inputs.slice(1);
    const h = tf.tanh(tf.matMul(x, this.k).add(tf.matMul(states[0], this.rk)));
    return [h].concat(states);
//                    ~~~~~~ returns-input-state
  }

  static get className() {
    return 'ConcatCell';
  }
}

// A two-state cell returning both old states through a spread: one report, no edit (which new
// state goes where is not one replacement).
export class PairCell extends tf.layers.RNNCell {
  constructor() {
    super({});
    this.stateSize = [5, 5];
    this.k = tf.variable(tf.randomNormal([2, 5], 0, 0.1));
  }

  call(inputs) {
    const [x, ...states] = inputs;
    const hNew = tf.tanh(tf.matMul(x, this.k).add(states[0]).add(states[1]));
    return [hNew, ...states];
//                ~~~~~~~~~ returns-input-state
  }

  static get className() {
    return 'PairCell';
  }
}

// A state object returned member by member: `c` is handed back as it came.
const W = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
const U = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

export function lstmStep(x, state) {
  const z = tf.matMul(x, W).add(tf.matMul(state.h, U));
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
  return { h: hNew, c: state.c };
//                     ~~~~~~~ returns-input-state
}

export function run(xs) {
  let state = { h: tf.zeros([1, 8]), c: tf.zeros([1, 8]) };
  for (const x of xs) state = lstmStep(x, state);
  return state.h;
}

// The state object wrapped next to the output (`{ y, state: { h, c } }`), with the new cell state
// named like the member: `c: state.c` hands the old one back.
export function peepholeStep(x, state) {
  const z = tf.matMul(x, W).add(tf.matMul(state.h, U));
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const h = tf.sigmoid(o).mul(tf.tanh(c));
  return { y: h, state: { h, c: state.c } };
//                              ~~~~~~~ returns-input-state
}

export function runPeephole(xs) {
  let state = { h: tf.zeros([1, 8]), c: tf.zeros([1, 8]) };
  for (const x of xs) ({ state } = peepholeStep(x, state));
  return state.h;
}

// An object literal's `call(x, h)` is a cell too.
const makeGru = (p) => ({
  call(x, h) {
    const z = tf.sigmoid(tf.add(tf.matMul(x, p.Wz), tf.matMul(h, p.Uz)));
    const hNew = tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, tf.tanh(tf.matMul(x, p.Wh))));
    const y = tf.matMul(hNew, p.Wy);
    return [y, h];
//             ~ returns-input-state
  },
});

module.exports.makeGru = makeGru;
