// expect: none
// Test-style code: outer `let`s assigned inside tidy and only inspected inside it; the stateful
// model is reset between the two checks (reduced from a false positive on tfjs-layers' tests).
import * as tf from '@tensorflow/tfjs';

function assertClose(a: tf.Tensor, expected: number): void {
  const got = a.dataSync()[0];
  if (Math.abs(got - expected) > 1e-3) throw new Error(`expected ${expected}, got ${got}`);
}

export function checkStatefulCarry(): void {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 1, stateful: true, batchInputShape: [1, 2, 1], kernelInitializer: 'ones', recurrentInitializer: 'ones', activation: 'linear', useBias: false }));
  const x = tf.ones([1, 2, 1]);
  let first: tf.Tensor;
  let second: tf.Tensor;
  tf.tidy(() => {
    first = model.predict(x) as tf.Tensor;
    assertClose(first, 2);
    second = model.predict(x) as tf.Tensor;
    assertClose(second, 4);
  });
  model.resetStates();
  tf.tidy(() => {
    first = model.predict(x) as tf.Tensor;
    assertClose(first, 2);
  });
  x.dispose();
}
