// expect: state-leak
// Edge worker: scores a posted clickstream for bot-likeness with a stateful LSTM loaded once per isolate.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 16;
const FEATURES = 5;
const MODEL_URL = 'https://models.example.com/botscore/v3/model.json';

let modelPromise = null;

function getModel() {
  if (!modelPromise) {
    modelPromise = (async () => {
      await tf.ready();
      const trained = await tf.loadLayersModel(MODEL_URL);
      const model = tf.sequential();
      model.add(tf.layers.lstm({ units: 32, stateful: true, batchInputShape: [1, CHUNK, FEATURES] }));
      model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
      model.setWeights(trained.getWeights());
      return model;
    })();
  }
  return modelPromise;
}

function toFeatures(events) {
  let prevTs = events.length ? events[0].ts : 0;
  return events.map((e) => {
    const dt = Math.min((e.ts - prevTs) / 1000, 10);
    prevTs = e.ts;
    return [dt, e.x / 1920, e.y / 1080, e.type === 'click' ? 1 : 0, e.isTrusted ? 1 : 0];
  });
}

function chunks(rows) {
  const out = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    while (part.length < CHUNK) part.push(new Array(FEATURES).fill(0));
    out.push(part);
  }
  return out;
}

export default {
  async fetch(request) {
    if (request.method !== 'POST') {
      return new Response('method not allowed', { status: 405 });
    }
    let body;
    try {
      body = await request.json();
    } catch {
      return new Response('bad json', { status: 400 });
    }
    const events = Array.isArray(body.events) ? body.events : [];
    if (events.length === 0) {
      return Response.json({ session: body.session ?? null, score: null });
    }

    const model = await getModel();
    const scores = [];
    for (const part of chunks(toFeatures(events))) {
      const y = tf.tidy(() => model.predict(tf.tensor3d([part], [1, CHUNK, FEATURES])));
      scores.push((await y.data())[0]);
      y.dispose();
    }

    const score = scores[scores.length - 1];
    return Response.json({
      session: body.session ?? null,
      score,
      bot: score > 0.7,
      chunks: scores.length
    });
  }
};
