// expect: stacked-activation
// Serves the leak-detection model for water-network pressure sensors and raises alerts from request handlers.
const tf = require('@tensorflow/tfjs');

function buildDetector(windowLen) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [windowLen, 2] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  return model;
}

function syntheticTraining(windowLen, n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const leak = i % 2 === 1;
    const w = [];
    for (let t = 0; t < windowLen; t++) {
      const drop = leak && t > windowLen / 2 ? 0.4 : 0;
      w.push([1 - drop + 0.02 * Math.sin(t + i), (leak ? 0.3 : 0) + 0.05 * Math.cos(t)]);
    }
    xs.push(w);
    ys.push([leak ? 1 : 0]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

function toProbability(logits) {
  return tf.sigmoid(logits);
}

async function scoreWindow(model, window) {
  const x = tf.tensor3d([window]);
  const out = model.predict(x);
  const p = toProbability(out);
  const [prob] = await p.data();
  tf.dispose([x, out, p]);
  return prob;
}

function createHandler(model, windowLen, threshold = 0.5) {
  const buffers = new Map();
  return async function handle(req) {
    const { sensorId, pressure, flow } = req.body;
    const buf = buffers.get(sensorId) || [];
    buf.push([pressure, flow]);
    if (buf.length > windowLen) buf.shift();
    buffers.set(sensorId, buf);
    if (buf.length < windowLen) return { status: 202, body: { sensorId, warmingUp: true } };
    const prob = await scoreWindow(model, buf);
    return { status: 200, body: { sensorId, prob, alert: prob > threshold } };
  };
}

async function main() {
  const windowLen = 12;
  const model = buildDetector(windowLen);
  const { xs, ys } = syntheticTraining(windowLen, 64);
  await model.fit(xs, ys, { epochs: 15, batchSize: 16, verbose: 0 });
  tf.dispose([xs, ys]);

  const handle = createHandler(model, windowLen);
  let last;
  for (let t = 0; t < windowLen; t++) {
    last = await handle({ body: { sensorId: 'dma-12', pressure: 1 + 0.02 * Math.sin(t), flow: 0.05 * Math.cos(t) } });
  }
  console.log('healthy sensor ->', last);
}

module.exports = { buildDetector, createHandler, scoreWindow };

if (require.main === module) main();
