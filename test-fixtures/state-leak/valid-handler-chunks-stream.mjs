// Look-alikes of a request handler feeding chunks to a stateful model: a periodic job feeding the
// chunks of ONE long stream (the state follows the stream on purpose), and a handler that builds its
// own model per request (it starts from zero every time).
import * as tf from '@tensorflow/tfjs';

const STEPS = 8;
const FEATURES = 3;

let scorerPromise = null;

function loadScorer() {
  if (!scorerPromise) {
    scorerPromise = (async () => {
      const net = tf.sequential();
      net.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, STEPS, FEATURES] }));
      net.add(tf.layers.dense({ units: 1 }));
      return net;
    })();
  }
  return scorerPromise;
}

function buildScorer() {
  const net = tf.sequential();
  net.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, STEPS, FEATURES] }));
  net.add(tf.layers.dense({ units: 1 }));
  return net;
}

function windowsOf(rows) {
  const out = [];
  for (let i = 0; i + STEPS <= rows.length; i += STEPS) out.push(rows.slice(i, i + STEPS));
  return out;
}

const buffered = [];

export function collect(row) {
  buffered.push(row);
}

setInterval(async () => {
  const scorer = await loadScorer();
  for (const window of windowsOf(buffered.splice(0))) {
    const y = scorer.predict(tf.tensor3d([window], [1, STEPS, FEATURES]));
    console.log((await y.data())[0]);
    y.dispose();
  }
}, 60000);

export async function handleRequest(request) {
  const body = await request.json();
  const scorer = buildScorer();
  let last = 0;
  for (const window of windowsOf(body.rows)) {
    const y = scorer.predict(tf.tensor3d([window], [1, STEPS, FEATURES]));
    last = (await y.data())[0];
    y.dispose();
  }
  scorer.dispose();
  return Response.json({ score: last });
}
