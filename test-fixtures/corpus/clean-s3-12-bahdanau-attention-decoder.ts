// expect: none
// Bahdanau-attention seq2seq decoder in TypeScript: softmax attention weights form a context vector, the Elman decoder state is fed back every step, and logits come from a separate projection.
import * as tf from '@tensorflow/tfjs';

export interface AttnWeights {
  Wq: tf.Tensor2D; // [H, A]
  Wk: tf.Tensor2D; // [H, A]
  v: tf.Tensor2D; // [A, 1]
  Wd: tf.Tensor2D; // [E + H, H]
  Ud: tf.Tensor2D; // [H, H]
  Wout: tf.Tensor2D; // [2H, V]
}

export function attend(w: AttnWeights, query: tf.Tensor2D, keys: tf.Tensor3D): { context: tf.Tensor2D; alpha: tf.Tensor2D } {
  const [B, T, H] = keys.shape;
  const projKeys = tf.reshape(tf.matMul(tf.reshape(keys, [B * T, H]), w.Wk), [B, T, -1]);
  const projQuery = tf.expandDims(tf.matMul(query, w.Wq), 1);
  const energy = tf.tanh(tf.add(projKeys, projQuery));
  const scores = tf.reshape(tf.matMul(tf.reshape(energy, [B * T, -1]), w.v), [B, T]);
  const alpha = tf.softmax(scores) as tf.Tensor2D;
  const context = tf.squeeze(tf.matMul(tf.expandDims(alpha, 1), keys), [1]) as tf.Tensor2D;
  return { context, alpha };
}

export function decodeTeacherForced(w: AttnWeights, targets: tf.Tensor2D[], encOut: tf.Tensor3D, encFinal: tf.Tensor2D): tf.Tensor2D[] {
  return tf.tidy(() => {
    let s = encFinal;
    const logits: tf.Tensor2D[] = [];
    for (const y of targets) {
      const { context } = attend(w, s, encOut);
      const pre = tf.add(tf.matMul(tf.concat([y, context], 1), w.Wd), tf.matMul(s, w.Ud));
      s = tf.tanh(pre) as tf.Tensor2D;
      logits.push(tf.matMul(tf.concat([s, context], 1), w.Wout));
    }
    return logits;
  });
}
