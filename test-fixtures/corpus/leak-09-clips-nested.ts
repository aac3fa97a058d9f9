// expect: state-leak
// Each audio clip is scored on its own, yet the GRU state runs on from the previous clip.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const gru = tf.layers.gruCell({ units: H });
gru.build([null, 13]);
const scorer = tf.layers.dense({ units: 1, activation: 'sigmoid' });

export function scoreClips(clips: { frames: tf.Tensor2D[] }[]): number[] {
  const scores: number[] = [];
  let state: tf.Tensor = tf.zeros([1, H]);
  for (const clip of clips) {
    for (const frame of clip.frames) {
      [, state] = gru.call([frame, state], {}) as tf.Tensor[];
    }
    scores.push((scorer.apply(state) as tf.Tensor).dataSync()[0]);
  }
  return scores;
}
