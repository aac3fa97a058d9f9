// expect: none
// Classifies short accelerometer gestures (shake / tap / swipe) with a from-scratch LSTM cell; run with node.
import * as tf from '@tensorflow/tfjs';

const GESTURES = /** @type {const} */ (['shake', 'tap', 'swipe']);
const cfg = Object.freeze({ inputDim: 3, units: 16, seed: 11 });

const glorot = (rows, cols, seed) =>
  tf.variable(tf.randomNormal([rows, cols], 0, Math.sqrt(2 / (rows + cols)), 'float32', seed));

export function createLstm({ inputDim, units, seed } = cfg) {
  const W = glorot(inputDim, 4 * units, seed);
  const U = glorot(units, 4 * units, seed + 1);
  const b = tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));

  const step = (x, { h, c }) => {
    const z = x.matMul(W).add(h.matMul(U)).add(b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const g = tf.tanh(zg);
    const o = tf.sigmoid(zo);
    const cNext = f.mul(c).add(i.mul(g));
    const hNext = o.mul(tf.tanh(cNext));
    return { h: hNext, c: cNext };
  };

  const zeroState = (batch = 1) => ({ h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) });

  return { step, zeroState, units, variables: [W, U, b] };
}

export function encode(lstm, frames) {
  return tf.tidy(() => {
    const xs = tf.tensor2d(frames);
    let state = lstm.zeroState();
    for (const xt of tf.unstack(xs)) {
      state = lstm.step(xt.expandDims(0), state);
    }
    return state.h;
  });
}

const head = tf.variable(tf.randomNormal([cfg.units, GESTURES.length], 0, 0.3, 'float32', 99));

export function classify(lstm, frames) {
  const probs = tf.tidy(() => tf.softmax(encode(lstm, frames).matMul(head)));
  const p = probs.arraySync()[0];
  probs.dispose();
  const best = p.indexOf(Math.max(...p));
  return { label: GESTURES[best], confidence: p[best], probs: p };
}

const synth = (kind, n = 25) =>
  Array.from({ length: n }, (_, t) => {
    switch (kind) {
      case 'shake': return [Math.sin(t * 1.7) * 2, Math.cos(t * 1.3), 0.1];
      case 'tap': return t === 10 ? [0, 0, 3] : [0, 0, 0.05];
      default: return [t / n, 0.2, 0];
    }
  });

const lstm = createLstm();
for (const g of GESTURES) {
  const { label, confidence } = classify(lstm, synth(g));
  console.log(`${g.padEnd(6)} -> ${label} (${confidence.toFixed(3)})`);
}
console.log('tensors after run:', tf.memory().numTensors);
