// expect: none
import * as tf from '@tensorflow/tfjs';

export function embedSpeakers(
  dataset: Record<string, tf.Tensor2D[]>,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  units: number,
): Record<string, tf.Tensor2D> {
  const embeddings: Record<string, tf.Tensor2D> = {};
  for (const [speaker, frames] of Object.entries(dataset)) {
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    for (const frame of frames) h = step(frame, h);
    embeddings[speaker] = h;
  }
  return embeddings;
}
