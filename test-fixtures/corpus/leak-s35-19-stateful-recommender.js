// expect: state-leak
// Next-action recommender: a GRU with recurrent dropout trained on sessions, then served event by event as a stateful model.
const tf = require('@tensorflow/tfjs');

const NUM_ACTIONS = 40;
const EMB = 16;
const UNITS = 48;
const SEQ = 20;

function buildModel({ stateful }) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({
    inputDim: NUM_ACTIONS,
    outputDim: EMB,
    batchInputShape: stateful ? [1, 1] : [null, SEQ],
  }));
  model.add(tf.layers.gru({
    units: UNITS,
    dropout: 0.1,
    recurrentDropout: 0.2,
    returnSequences: !stateful,
    stateful,
  }));
  model.add(tf.layers.dense({ units: NUM_ACTIONS, activation: 'softmax' }));
  return model;
}

// Sessions follow a noisy cyclic pattern per user so there is something to learn.
function fakeSession(len) {
  const stride = 1 + Math.floor(Math.random() * 3);
  let a = Math.floor(Math.random() * NUM_ACTIONS);
  return Array.from({ length: len }, () => {
    a = Math.random() < 0.85 ? (a + stride) % NUM_ACTIONS : Math.floor(Math.random() * NUM_ACTIONS);
    return a;
  });
}

async function train(model, sessions) {
  const xs = tf.tensor2d(sessions.map((s) => s.slice(0, SEQ)), [sessions.length, SEQ]);
  const ys = tf.oneHot(tf.tensor2d(sessions.map((s) => s.slice(1, SEQ + 1)), [sessions.length, SEQ], 'int32'), NUM_ACTIONS);
  model.compile({ optimizer: tf.train.adam(2e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(xs, ys, { epochs: 8, batchSize: 64, verbose: 0 });
  tf.dispose([xs, ys]);
}

async function serve(model, streams, k = 5) {
  const report = [];
  for (const [userId, events] of streams) {
    let hits = 0;
    for (let i = 0; i < events.length - 1; i++) {
      const topK = tf.tidy(() => {
        const probs = model.predict(tf.tensor2d([[events[i]]], [1, 1]));
        return tf.topk(probs, k).indices;
      });
      const suggested = Array.from(await topK.data());
      topK.dispose();
      if (suggested.includes(events[i + 1])) hits++;
    }
    report.push({ userId, events: events.length, hitRate: hits / (events.length - 1) });
  }
  return report;
}

async function main() {
  const trainModel = buildModel({ stateful: false });
  await train(trainModel, Array.from({ length: 2000 }, () => fakeSession(SEQ + 1)));

  const serveModel = buildModel({ stateful: true });
  serveModel.setWeights(trainModel.getWeights());

  const streams = new Map();
  for (let u = 0; u < 6; u++) streams.set(`user-${100 + u}`, fakeSession(30 + Math.floor(Math.random() * 30)));

  const report = await serve(serveModel, streams);
  for (const r of report) console.log(`${r.userId}: ${r.events} events, hit@5 ${(r.hitRate * 100).toFixed(1)}%`);
}

main();
