// expect: none
// Jest spec for the workshop's GRU step function: shapes, gate behaviour, and per-sequence state resets in the batch runner.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface GruWeights { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D; units: number; }

export function gruWeights(inputDim: number, units: number, seed = 0): GruWeights {
  return {
    W: tf.randomNormal([inputDim, 3 * units], 0, 0.4, 'float32', seed) as tf.Tensor2D,
    U: tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D,
    b: tf.zeros([3 * units]) as tf.Tensor1D,
    units,
  };
}

export function gruStep(w: GruWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [xz, xr, xn] = tf.split(x.matMul(w.W).add(w.b), 3, 1);
    const [uz, ur, un] = tf.split(w.U, 3, 1);
    const z = tf.sigmoid(xz.add(h.matMul(uz)));
    const r = tf.sigmoid(xr.add(h.matMul(ur)));
    const n = tf.tanh(xn.add(r.mul(h).matMul(un)));
    return z.mul(h).add(tf.sub(1, z).mul(n)) as tf.Tensor2D;
  });
}

export function finalStates(w: GruWeights, sequences: number[][][]): number[][] {
  return sequences.map((seq) =>
    tf.tidy(() => {
      let h = tf.zeros([1, w.units]) as tf.Tensor2D;
      for (const frame of seq) h = gruStep(w, tf.tensor2d([frame]), h);
      return Array.from(h.dataSync());
    }),
  );
}

describe('gruStep', () => {
  const w = gruWeights(2, 5, 7);

  it('maps [batch, in] x [batch, units] to [batch, units]', () => {
    const h = gruStep(w, tf.ones([3, 2]), tf.zeros([3, 5]));
    expect(h.shape).toEqual([3, 5]);
    h.dispose();
  });

  it('copies the previous state when the update gate saturates to 1', () => {
    const saturated: GruWeights = { ...w, b: tf.concat([tf.fill([5], 50), tf.zeros([10])]) as tf.Tensor1D };
    const hPrev = tf.randomUniform([1, 5], -0.9, 0.9, 'float32', 3) as tf.Tensor2D;
    const h = gruStep(saturated, tf.zeros([1, 2]), hPrev);
    expect(h.sub(hPrev).abs().max().dataSync()[0]).toBeLessThan(1e-5);
  });

  it('moves toward the candidate when the update gate is closed', () => {
    const closed: GruWeights = { ...w, b: tf.concat([tf.fill([5], -50), tf.zeros([10])]) as tf.Tensor1D };
    const hPrev = tf.fill([1, 5], 0.8) as tf.Tensor2D;
    const h = gruStep(closed, tf.zeros([1, 2]), hPrev);
    expect(h.sub(hPrev).abs().max().dataSync()[0]).toBeGreaterThan(1e-3);
  });
});

describe('finalStates', () => {
  const w = gruWeights(2, 4, 11);
  const a = [[0.1, 0.2], [0.3, -0.1], [0.5, 0.5]];
  const b = [[-1, 1], [0, 0]];

  it('gives the same state for a sequence regardless of what ran before it', () => {
    const [alone] = finalStates(w, [b]);
    const [, afterA] = finalStates(w, [a, b]);
    alone.forEach((v, i) => expect(afterA[i]).toBeCloseTo(v, 6));
  });

  it('returns one state per sequence', () => {
    expect(finalStates(w, [a, b, a])).toHaveLength(3);
  });
});
