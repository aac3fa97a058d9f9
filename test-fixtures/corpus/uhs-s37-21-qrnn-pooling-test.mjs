// expect: unused-hidden-state
// node:test checks for the f-pooling step of a QRNN used in the "beyond LSTMs" lecture demo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';

export function makeQrnn(inputDim, units, seed = 0) {
  const Wz = tf.randomNormal([inputDim, units], 0, 0.5, 'float32', seed);
  const Wf = tf.randomNormal([inputDim, units], 0, 0.5, 'float32', seed + 1);
  const bf = tf.fill([units], 1.0);
  return {
    units,
    step(x, c) {
      return tf.tidy(() => {
        const z = tf.tanh(x.matMul(Wz));
        const f = tf.sigmoid(x.matMul(Wf).add(bf));
        return f.mul(z).add(tf.sub(1, f).mul(z));
      });
    },
  };
}

export function runQrnn(qrnn, xs) {
  return tf.tidy(() => {
    const steps = tf.unstack(xs, 1);
    let c = tf.zeros([xs.shape[0], qrnn.units]);
    const outs = steps.map((xt) => {
      c = qrnn.step(xt, c);
      return c;
    });
    return tf.stack(outs, 1);
  });
}

test('step output has the state shape', () => {
  const q = makeQrnn(3, 5);
  const c1 = q.step(tf.ones([2, 3]), tf.zeros([2, 5]));
  assert.deepEqual(c1.shape, [2, 5]);
});

test('pooled values stay within tanh range', () => {
  const q = makeQrnn(3, 5, 10);
  const ys = runQrnn(q, tf.randomNormal([4, 30, 3], 0, 3, 'float32', 2));
  const [lo, hi] = [ys.min().dataSync()[0], ys.max().dataSync()[0]];
  assert.ok(lo >= -1 && hi <= 1, `range [${lo}, ${hi}]`);
});

test('zero input with zero state gives zero output', () => {
  const q = makeQrnn(2, 4);
  const c = q.step(tf.zeros([1, 2]), tf.zeros([1, 4]));
  assert.ok(c.abs().max().dataSync()[0] < 1e-7);
});

test('unrolled sequence keeps batch and time dims', () => {
  const q = makeQrnn(2, 6, 3);
  const ys = runQrnn(q, tf.zeros([3, 9, 2]));
  assert.deepEqual(ys.shape, [3, 9, 6]);
});

test('batched run equals per-example runs', () => {
  const q = makeQrnn(3, 4, 5);
  const xs = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 8);
  const both = runQrnn(q, xs);
  for (let b = 0; b < 2; b++) {
    const one = runQrnn(q, xs.slice([b, 0, 0], [1, 6, 3]));
    const diff = one.sub(both.slice([b, 0, 0], [1, 6, 4])).abs().max().dataSync()[0];
    assert.ok(diff < 1e-6);
  }
});
