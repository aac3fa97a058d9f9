// Look-alikes: a reducer over one stream's samples that carries `acc.h`, and a reducer over whole
// samples (sequences) that unrolls each from the same initial state and only collects results.
import * as tf from '@tensorflow/tfjs';

interface Weights { wx: tf.Tensor2D; wh: tf.Tensor2D; wOut: tf.Tensor2D }
interface Fold { h: tf.Tensor2D; outputs: tf.Tensor2D[] }

function cell(w: Weights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, w.wx), tf.matMul(h, w.wh))) as tf.Tensor2D;
}

export function smooth(w: Weights, samples: Array<[number, number]>, start: tf.Tensor2D): Fold {
  return samples.reduce<Fold>(
    (acc, [a, b]) => {
      const x = tf.tensor2d([[a, b]]);
      const hNext = cell(w, x, acc.h);
      return { h: hNext, outputs: [...acc.outputs, tf.matMul(hNext, w.wOut) as tf.Tensor2D] };
    },
    { h: start, outputs: [] },
  );
}

function encode(w: Weights, sample: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  let h = h0;
  for (const x of sample) h = cell(w, x, h);
  return h;
}

export function encodeAll(w: Weights, samples: tf.Tensor2D[][], initial: tf.Tensor2D): tf.Tensor2D[] {
  return samples.reduce<{ codes: tf.Tensor2D[] }>(
    (acc, sample) => ({ codes: [...acc.codes, encode(w, sample, initial)] }),
    { codes: [] },
  ).codes;
}

export function lastStates(w: Weights, samples: tf.Tensor2D[], initial: tf.Tensor2D): { h: tf.Tensor2D; finals: tf.Tensor2D[] } {
  // Each sample is one input for an independent one-step classifier; the accumulator keeps the last.
  return samples.reduce<{ h: tf.Tensor2D; finals: tf.Tensor2D[] }>(
    (acc, x) => {
      const out = cell(w, x, initial);
      return { h: acc.h, finals: [...acc.finals, out] };
    },
    { h: initial, finals: [] },
  );
}
