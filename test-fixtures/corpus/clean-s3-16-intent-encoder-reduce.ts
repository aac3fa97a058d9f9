// expect: none
// Intent classifier: a GRU step folded over token embeddings with Array.reduce (the accumulator is the state), followed by a tf.sequential head where the ReLU and softmax layers are separated by dropout and a dense layer.
import * as tf from '@tensorflow/tfjs';

export type StepFn = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

export function makeGruStep(W: tf.Tensor2D, U: tf.Tensor2D, Ur: tf.Tensor2D): StepFn {
  return (x, h) => {
    const [xz, xr, xh] = tf.split(tf.matMul(x, W), 3, 1);
    const [uz, ur] = tf.split(tf.matMul(h, U), 2, 1);
    const z = tf.sigmoid(tf.add(xz, uz));
    const r = tf.sigmoid(tf.add(xr, ur));
    const cand = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h) as tf.Tensor2D, Ur)));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand)) as tf.Tensor2D;
  };
}

export const encode = (step: StepFn, embeddings: tf.Tensor2D[], units: number): tf.Tensor2D =>
  tf.tidy(() =>
    embeddings.reduce((h, x) => step(x, h), tf.zeros([embeddings[0].shape[0], units]) as tf.Tensor2D),
  );

export function buildHead(units: number, numIntents: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [units], units: 64, activation: 'relu' }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: numIntents, activation: 'softmax' }),
    ],
  });
}

export async function classify(step: StepFn, head: tf.Sequential, embeddings: tf.Tensor2D[], units: number, labels: string[]): Promise<string> {
  const h = encode(step, embeddings, units);
  const probs = head.predict(h) as tf.Tensor2D;
  const scores = await probs.data();
  tf.dispose([h, probs]);
  let best = 0;
  scores.forEach((s, i) => { if (s > scores[best]) best = i; });
  return labels[best] ?? 'unknown';
}
