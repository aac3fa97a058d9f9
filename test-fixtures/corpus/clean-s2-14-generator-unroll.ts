// expect: none
import * as tf from '@tensorflow/tfjs';

export type Cell = (x: tf.Tensor2D, prev: tf.Tensor2D) => tf.Tensor2D;

export function* unroll(cell: Cell, xs: Iterable<tf.Tensor2D>, h0: tf.Tensor2D): Generator<tf.Tensor2D> {
  let prev = h0;
  for (const x of xs) {
    const next = cell(x, prev);
    prev = next;
    yield next;
  }
}

export function encode(cell: Cell, xs: tf.Tensor2D[], units: number): tf.Tensor3D {
  const h0 = tf.zeros([xs[0].shape[0], units]) as tf.Tensor2D;
  const states = Array.from(unroll(cell, xs, h0));
  return tf.stack(states, 1) as tf.Tensor3D;
}

export async function* streamEncode(
  cell: Cell,
  source: AsyncIterable<number[]>,
  units: number,
): AsyncGenerator<number[]> {
  let memory = tf.zeros([1, units]) as tf.Tensor2D;
  for await (const frame of source) {
    const next = tf.tidy(() => cell(tf.tensor2d([frame]), memory));
    memory.dispose();
    memory = next;
    yield Array.from(await memory.data());
  }
  memory.dispose();
}
