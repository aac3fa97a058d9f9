// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const net = tf.sequential();
net.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, 30, 8] }));
net.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

// One activity history per user; the GRU state of one user flows into the next user's score.
export function churnScores(histories) {
  const out = {};
  for (const [userId, history] of Object.entries(histories)) {
    out[userId] = net.predict(history).dataSync()[0];
  }
  return out;
}
