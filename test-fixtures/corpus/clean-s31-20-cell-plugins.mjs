// expect: none
// Registry of recurrent cell plugins (LSTM, GRU) keyed by name, plus a tiny classifier that uses one of them.
import * as tf from '@tensorflow/tfjs';

const registry = new Map();

/**
 * Registers a cell plugin.
 * @param {string} name
 * @param {{init: Function, zero: Function, step: Function, hidden: Function}} plugin
 */
export function registerCell(name, plugin) {
  registry.set(name, plugin);
}

export function getCell(name) {
  const plugin = registry.get(name);
  if (!plugin) throw new Error(`no cell plugin named "${name}"`);
  return plugin;
}

const rn = (shape, seed) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed));

registerCell('lstm', {
  init: (inDim, units, seed) => ({ w: rn([inDim, 4 * units], seed), u: rn([units, 4 * units], seed + 1),
    b: tf.variable(tf.zeros([4 * units])) }),
  zero: (batch, units) => ({ h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) }),
  step(p, x, { h, c }) {
    const [i, f, g, o] = tf.split(x.matMul(p.w).add(h.matMul(p.u)).add(p.b), 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    return { h: tf.sigmoid(o).mul(tf.tanh(cNew)), c: cNew };
  },
  hidden: s => s.h,
});

registerCell('gru', {
  init: (inDim, units, seed) => ({ w: rn([inDim, 3 * units], seed), u: rn([units, 3 * units], seed + 1),
    b: tf.variable(tf.zeros([3 * units])) }),
  zero: (batch, units) => ({ h: tf.zeros([batch, units]) }),
  step(p, x, { h }) {
    const [xz, xr, xh] = tf.split(x.matMul(p.w).add(p.b), 3, 1);
    const [hz, hr, hh] = tf.split(h.matMul(p.u), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const cand = tf.tanh(xh.add(r.mul(hh)));
    return { h: z.mul(h).add(tf.sub(1, z).mul(cand)) };
  },
  hidden: s => s.h,
});

/**
 * Classifier: any registered cell followed by a linear layer and softmax.
 */
export class RecurrentClassifier {
  /** @param {{cell?: string, inputDim: number, units?: number, classes: number, seed?: number}} opts */
  constructor({ cell = 'lstm', inputDim, units = 16, classes, seed = 50 }) {
    this.cell = getCell(cell);
    this.units = units;
    this.params = this.cell.init(inputDim, units, seed);
    this.wOut = rn([units, classes], seed + 7);
    this.bOut = tf.variable(tf.zeros([classes]));
  }

  /** @param {tf.Tensor3D} x [batch, time, inputDim] @returns {tf.Tensor2D} probabilities */
  predict(x) {
    return tf.tidy(() => {
      let state = this.cell.zero(x.shape[0], this.units);
      for (const xt of tf.unstack(x, 1)) {
        state = this.cell.step(this.params, xt, state);
      }
      const logits = this.cell.hidden(state).matMul(this.wOut).add(this.bOut);
      return tf.softmax(logits);
    });
  }

  variables() {
    return [...Object.values(this.params), this.wOut, this.bOut];
  }
}
