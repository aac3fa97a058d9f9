// expect: none
// Minimal HTTP service: POST a sequence of readings, get back per-step forecasts from an LSTM cell.
const http = require('http');
const tf = require('@tensorflow/tfjs');

const UNITS = 8;
const weights = {
  W: tf.randomNormal([1, 4 * UNITS], 0, 0.3, 'float32', 171),
  U: tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 172),
  b: tf.zeros([4 * UNITS]),
  V: tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', 173),
};

let servedRequests = 0;

function lstmStep(x, h, c) {
  const z = tf.matMul(x, weights.W).add(tf.matMul(h, weights.U)).add(weights.b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
  return { h: hNew, c: cNew };
}

function forecast(readings) {
  return tf.tidy(() => {
    let state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
    const preds = [];
    for (const r of readings) {
      state = lstmStep(tf.tensor2d([[r]]), state.h, state.c);
      preds.push(tf.matMul(state.h, weights.V));
    }
    return tf.concat(preds, 1).dataSync();
  });
}

function handler(req, res) {
  if (req.method !== 'POST' || req.url !== '/forecast') {
    res.writeHead(404);
    res.end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    try {
      const { readings } = JSON.parse(body);
      if (!Array.isArray(readings) || readings.length === 0) throw new Error('readings required');
      const out = Array.from(forecast(readings.map(Number)));
      servedRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ forecast: out, served: servedRequests }));
    } catch (e) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: e.message }));
    }
  });
}

function start(port = 8080) {
  const server = http.createServer(handler);
  server.listen(port, () => console.log(`forecast service on :${port}`));
  return server;
}

if (require.main === module) start(Number(process.env.PORT) || 8080);

module.exports = { forecast, handler, start, lstmStep };
