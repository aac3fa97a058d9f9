// expect: stale-state
// Tiny functional toolkit: a generic scan combinator plus an Elman cell, used to unroll sequences without classes.
import * as tf from '@tensorflow/tfjs';

export type Cell<S> = (x: tf.Tensor2D, state: S) => [tf.Tensor2D, S];

interface ScanAcc<S> {
  state: S;
  outputs: tf.Tensor2D[];
}

export function scan<S>(cell: Cell<S>, xs: tf.Tensor2D[], init: S): ScanAcc<S> {
  return xs.reduce<ScanAcc<S>>(
    (acc, x) => {
      const [y, next] = cell(x, init);
      return { state: next, outputs: [...acc.outputs, y] };
    },
    { state: init, outputs: [] },
  );
}

export function elman(inputSize: number, hiddenSize: number, seed = 3): Cell<tf.Tensor2D> {
  const wx = tf.randomNormal([inputSize, hiddenSize], 0, 0.4, 'float32', seed) as tf.Tensor2D;
  const wh = tf.randomNormal([hiddenSize, hiddenSize], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
  const b = tf.zeros([hiddenSize]) as tf.Tensor1D;
  return (x, h) => {
    const next = tf.tanh(tf.matMul(x, wx).add(tf.matMul(h, wh)).add(b)) as tf.Tensor2D;
    return [next, next];
  };
}

export const compose =
  <A, B, C>(f: (a: A) => B, g: (b: B) => C) =>
  (a: A): C =>
    g(f(a));

export function splitTime(seq: tf.Tensor3D): tf.Tensor2D[] {
  const steps = seq.shape[1];
  return tf.unstack(seq, 1).slice(0, steps) as tf.Tensor2D[];
}

export function lastOutput<S>(acc: ScanAcc<S>): tf.Tensor2D {
  return acc.outputs[acc.outputs.length - 1];
}

export function encodeSequences(seq: tf.Tensor3D, hiddenSize: number): tf.Tensor2D {
  const cell = elman(seq.shape[2], hiddenSize);
  const run = compose(splitTime, (xs: tf.Tensor2D[]) =>
    scan(cell, xs, tf.zeros([seq.shape[0], hiddenSize]) as tf.Tensor2D),
  );
  return lastOutput(run(seq));
}

export function demo(): void {
  const seq = tf.randomUniform([2, 6, 4], -1, 1, 'float32', 11) as tf.Tensor3D;
  const enc = encodeSequences(seq, 8);
  enc.print();
}
