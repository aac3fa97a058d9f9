// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export function embedSentences(sentences, embed, cell, units) {
  let h = tf.zeros([1, units]);
  const vectors = [];

  for (const sentence of sentences) {
    for (const tokenId of sentence) {
      const x = embed(tokenId);
      const next = cell.step(x, h);
      x.dispose();
      h = next;
    }
    vectors.push(h.clone());
  }

  return tf.concat(vectors, 0);
}

export function cosineSim(a, b) {
  return tf.tidy(() => {
    const num = tf.sum(tf.mul(a, b));
    const den = tf.mul(tf.norm(a), tf.norm(b));
    return num.div(den).dataSync()[0];
  });
}
