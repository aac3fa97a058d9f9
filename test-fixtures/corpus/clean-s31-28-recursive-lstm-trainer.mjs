// expect: none
// LSTM next-step forecaster trained with tf.variableGrads; emits progress events and unrolls recursively.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'node:events';

/**
 * @typedef {{ h: tf.Tensor2D, c: tf.Tensor2D }} LstmState
 */

export class LstmForecaster extends EventEmitter {
  /** @param {{ features: number, units?: number, seed?: number, learningRate?: number }} opts */
  constructor({ features, units = 10, seed = 40, learningRate = 0.03 }) {
    super();
    const v = (shape, k, name) =>
      tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + k), true, name);
    this.units = units;
    this.kernel = v([features, 4 * units], 0, 'lstm/kernel');
    this.recurrent = v([units, 4 * units], 1, 'lstm/recurrent');
    this.bias = tf.variable(tf.zeros([4 * units]), true, 'lstm/bias');
    this.wOut = v([units, features], 2, 'out/kernel');
    this.optimizer = tf.train.adam(learningRate);
  }

  /** @returns {LstmState} */
  cell(x, { h, c }) {
    const gates = x.matMul(this.kernel).add(h.matMul(this.recurrent)).add(this.bias);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
    return { h: hNext, c: cNext };
  }

  /**
   * Recursively unrolls over xs[t..] and collects one prediction per step.
   * @param {tf.Tensor2D[]} xs
   * @param {number} t
   * @param {LstmState} state
   * @param {tf.Tensor2D[]} preds
   */
  unroll(xs, t, state, preds) {
    if (t === xs.length) return preds;
    const next = this.cell(xs[t], state);
    preds.push(next.h.matMul(this.wOut));
    return this.unroll(xs, t + 1, next, preds);
  }

  zeroState(batch) {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  /**
   * One epoch over a batch of series [batch, time, features]: predict x[t+1] from x[..t].
   * The full unroll happens inside the gradient function so every step is trained.
   */
  trainStep(series) {
    const { value, grads } = tf.variableGrads(() => {
      const xs = tf.unstack(series, 1);
      const inputs = xs.slice(0, -1);
      const targets = xs.slice(1);
      const preds = this.unroll(inputs, 0, this.zeroState(series.shape[0]), []);
      return tf.losses.meanSquaredError(tf.stack(targets, 1), tf.stack(preds, 1));
    }, [this.kernel, this.recurrent, this.bias, this.wOut]);
    this.optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    return loss;
  }

  /** @param {tf.Tensor3D} series @param {number} epochs */
  async fit(series, epochs = 20) {
    const history = [];
    for (let e = 0; e < epochs; e++) {
      const loss = this.trainStep(series);
      history.push(loss);
      this.emit('epoch', { epoch: e, loss });
      await new Promise(resolve => setImmediate(resolve));
    }
    this.emit('done', history);
    return history;
  }
}
