// expect: none
// node:test suite checking that a manually unrolled SimpleRNN step matches tf.layers.simpleRNN with the same weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';

const BATCH = 3;
const TIME = 7;
const FEATURES = 4;
const UNITS = 5;

function buildReference() {
  const layer = tf.layers.simpleRNN({ units: UNITS, returnSequences: true, returnState: false });
  const input = tf.input({ shape: [TIME, FEATURES] });
  const model = tf.model({ inputs: input, outputs: layer.apply(input) });
  return { model, layer };
}

function manualUnroll(xs, kernel, recurrentKernel, bias) {
  return tf.tidy(() => {
    const steps = tf.unstack(xs, 1);
    let h = tf.zeros([xs.shape[0], UNITS]);
    const outputs = [];
    for (const xt of steps) {
      h = tf.tanh(xt.matMul(kernel).add(h.matMul(recurrentKernel)).add(bias));
      outputs.push(h);
    }
    return tf.stack(outputs, 1);
  });
}

function maxAbsDiff(a, b) {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

test('manual unroll matches tf.layers.simpleRNN', () => {
  const { model, layer } = buildReference();
  const [kernel, recurrentKernel, bias] = layer.getWeights();
  const xs = tf.randomNormal([BATCH, TIME, FEATURES], 0, 1, 'float32', 5);

  const expected = model.predict(xs);
  const actual = manualUnroll(xs, kernel, recurrentKernel, bias);

  assert.deepEqual(actual.shape, [BATCH, TIME, UNITS]);
  assert.ok(maxAbsDiff(actual, expected) < 1e-5);
  tf.dispose([xs, expected, actual]);
});

test('each batch row is independent of the others', () => {
  const { model, layer } = buildReference();
  const [kernel, recurrentKernel, bias] = layer.getWeights();
  const xs = tf.randomNormal([BATCH, TIME, FEATURES], 0, 1, 'float32', 9);

  const full = manualUnroll(xs, kernel, recurrentKernel, bias);
  for (let b = 0; b < BATCH; b++) {
    const single = manualUnroll(xs.slice([b, 0, 0], [1, TIME, FEATURES]), kernel, recurrentKernel, bias);
    const row = full.slice([b, 0, 0], [1, TIME, UNITS]);
    assert.ok(maxAbsDiff(single, row) < 1e-6, `row ${b} differs`);
    tf.dispose([single, row]);
  }
  tf.dispose([xs, full]);
  model.dispose();
});

test('final output equals last returned step', () => {
  const { layer } = buildReference();
  const [kernel, recurrentKernel, bias] = layer.getWeights();
  const xs = tf.ones([1, TIME, FEATURES]);
  const seq = manualUnroll(xs, kernel, recurrentKernel, bias);
  const last = seq.slice([0, TIME - 1, 0], [1, 1, UNITS]).reshape([1, UNITS]);
  const lastLayer = tf.layers.simpleRNN({ units: UNITS, weights: [kernel, recurrentKernel, bias] });
  const ref = lastLayer.apply(xs);
  assert.ok(maxAbsDiff(last, ref) < 1e-5);
  tf.dispose([xs, seq, last, ref]);
});
