// expect: none
// A generation chunk inside one tidy: the states (c, h) and the last sample are assigned to
// module variables inside the callback, and every one of those tensors is also returned from the
// tidy (the states directly, the samples inside the returned array), so tidy keeps them alive
// (the shape of Performance-RNN-style browser demos).
import * as tf from '@tensorflow/tfjs';

const VOCAB = 40;
const STEPS = 8;
let lastSample: tf.Scalar = tf.scalar(0, 'int32');
let c: tf.Tensor2D[] = [];
let h: tf.Tensor2D[] = [];

export function reset(units: number, layers: number): void {
  c = Array.from({ length: layers }, () => tf.zeros([1, units]) as tf.Tensor2D);
  h = Array.from({ length: layers }, () => tf.zeros([1, units]) as tf.Tensor2D);
}

export function generateChunk(cells: tf.LSTMCellFunc[], fcW: tf.Tensor2D, fcB: tf.Tensor1D): number[] {
  let samples: tf.Scalar[] = [];
  [c, h, samples] = tf.tidy(() => {
    const inner: tf.Scalar[] = [];
    for (let i = 0; i < STEPS; i++) {
      const input = tf.oneHot(lastSample.reshape([1]) as tf.Tensor1D, VOCAB).toFloat() as tf.Tensor2D;
      if (i === 0) lastSample.dispose();
      [c, h] = tf.multiRNNCell(cells, input, c, h);
      const logits = h[h.length - 1].matMul(fcW).add(fcB) as tf.Tensor2D;
      const sampled = tf.multinomial(logits, 1).asScalar() as tf.Scalar;
      inner.push(sampled);
      lastSample = sampled;
    }
    return [c, h, inner] as [tf.Tensor2D[], tf.Tensor2D[], tf.Scalar[]];
  });
  return samples.map((s) => s.dataSync()[0]);
}
