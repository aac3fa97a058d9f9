// expect: stale-state
// Sentence encoder that unrolls a GRU cell with Array.reduce, collecting every step's state; bug: each reduce iteration calls gruCell with the initial `h0` instead of the previous step's state.
import * as tf from '@tensorflow/tfjs';

export type GruWeights = {
  wz: tf.Tensor2D; uz: tf.Tensor2D;
  wr: tf.Tensor2D; ur: tf.Tensor2D;
  wh: tf.Tensor2D; uh: tf.Tensor2D;
};

export function gruCell(w: GruWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.add(tf.matMul(x, w.wz), tf.matMul(h, w.uz)));
    const r = tf.sigmoid(tf.add(tf.matMul(x, w.wr), tf.matMul(h, w.ur)));
    const hh = tf.tanh(tf.add(tf.matMul(x, w.wh), tf.matMul(tf.mul(r, h) as tf.Tensor2D, w.uh)));
    return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, hh)) as tf.Tensor2D;
  });
}

export interface Encoded {
  states: tf.Tensor2D[];
  last: tf.Tensor2D;
}

export function encodeSentence(w: GruWeights, embeddings: tf.Tensor2D[], units: number): Encoded {
  const batch = embeddings[0]?.shape[0] ?? 1;
  const h0 = tf.zeros([batch, units]) as tf.Tensor2D;
  const states = embeddings.reduce<tf.Tensor2D[]>((acc, x) => {
    const h = gruCell(w, x, h0);
    return [...acc, h];
  }, []);
  return { states, last: states.length ? states[states.length - 1] : h0 };
}

export function meanPool({ states }: Encoded): tf.Tensor2D {
  return tf.tidy(() => tf.mean(tf.stack(states), 0) as tf.Tensor2D);
}
