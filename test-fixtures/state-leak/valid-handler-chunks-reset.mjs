// The same edge handler, resetting the stateful model at the start of each request.
import * as tf from '@tensorflow/tfjs';

const STEPS = 8;
const FEATURES = 3;

let scorerPromise = null;

function loadScorer() {
  if (!scorerPromise) {
    scorerPromise = (async () => {
      const net = tf.sequential();
      net.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, STEPS, FEATURES] }));
      net.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
      return net;
    })();
  }
  return scorerPromise;
}

function windowsOf(rows) {
  const out = [];
  for (let i = 0; i + STEPS <= rows.length; i += STEPS) out.push(rows.slice(i, i + STEPS));
  return out;
}

export default {
  async fetch(request) {
    const body = await request.json();
    const scorer = await loadScorer();
    scorer.resetStates();
    let last = 0;
    for (const window of windowsOf(body.rows)) {
      const y = scorer.predict(tf.tensor3d([window], [1, STEPS, FEATURES]));
      last = (await y.data())[0];
      y.dispose();
    }
    return Response.json({ score: last });
  },
};
