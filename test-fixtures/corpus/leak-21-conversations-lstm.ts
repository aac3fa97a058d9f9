// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const H = 16;
const lstm = tf.layers.lstmCell({ units: H });
lstm.build([null, 20]);
const intentHead = tf.layers.dense({ units: 6, activation: 'softmax' });

// Intent per conversation: (h, c) survive from one conversation into the next.
export function classifyConversations(conversations: tf.Tensor2D[][]): number[] {
  const intents: number[] = [];
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  for (const turns of conversations) {
    for (const turn of turns) {
      [, h, c] = lstm.call([turn, h, c], {}) as tf.Tensor[];
    }
    intents.push((intentHead.apply(h) as tf.Tensor).argMax(-1).dataSync()[0]);
  }
  return intents;
}
