// expect: none
// Token-level RNN step for a batch-of-one streaming tokenizer: for padding/ignored tokens nothing is computed and the incoming state is returned unchanged; otherwise a new state is computed and returned.
import * as tf from '@tensorflow/tfjs';

export const PAD_ID = 0;
export const IGNORE_IDS = new Set([PAD_ID, 1]);

export interface CellWeights {
  embedding: tf.Tensor2D;
  W: tf.Tensor2D;
  U: tf.Tensor2D;
  b: tf.Tensor1D;
}

export function tokenStep(w: CellWeights, tokenId: number, h: tf.Tensor2D): tf.Tensor2D {
  if (IGNORE_IDS.has(tokenId)) {
    return h;
  }
  return tf.tidy(() => {
    const x = tf.gather(w.embedding, tf.tensor1d([tokenId], 'int32')) as tf.Tensor2D;
    return tf.tanh(tf.add(tf.add(tf.matMul(x, w.W), tf.matMul(h, w.U)), w.b)) as tf.Tensor2D;
  });
}

export function encodeTokens(w: CellWeights, ids: readonly number[]): tf.Tensor2D {
  let h = tf.zeros([1, w.U.shape[0]]) as tf.Tensor2D;
  for (const id of ids) {
    const next = tokenStep(w, id, h);
    if (next !== h) {
      h.dispose();
      h = next;
    }
  }
  return h;
}
