// expect: tidy-disposed-state
// Factory for per-connection streaming scorers used by the telemetry websocket gateway.
const tf = require('@tensorflow/tfjs');

function loadWeights(inputDim, units) {
  return {
    wx: tf.randomNormal([inputDim, units], 0, 0.4, 'float32', 81),
    wh: tf.randomNormal([units, units], 0, 0.3, 'float32', 82),
    b: tf.zeros([units]),
    wy: tf.randomNormal([units, inputDim], 0, 0.4, 'float32', 83),
  };
}

function createScorer(weights, units) {
  let state = tf.zeros([1, units]);
  let count = 0;

  function push(reading) {
    count += 1;
    return tf.tidy(() => {
      const x = tf.tensor2d([reading]);
      const next = tf.tanh(x.matMul(weights.wx).add(state.matMul(weights.wh)).add(weights.b));
      const recon = next.matMul(weights.wy);
      state = next;
      return tf.losses.meanSquaredError(x, recon).dataSync()[0];
    });
  }

  function close() {
    state.dispose();
  }

  return {
    push,
    close,
    get count() {
      return count;
    },
  };
}

function createGateway({ inputDim = 4, units = 10, threshold = 1.5 } = {}) {
  const weights = loadWeights(inputDim, units);
  const scorers = new Map();
  const outbox = [];

  return {
    onOpen(connId) {
      scorers.set(connId, createScorer(weights, units));
    },
    onMessage(connId, raw) {
      const msg = JSON.parse(raw);
      const scorer = scorers.get(connId);
      if (!scorer) return;
      const err = scorer.push(msg.values);
      if (err > threshold) outbox.push({ connId, seq: scorer.count, err });
    },
    onClose(connId) {
      const scorer = scorers.get(connId);
      if (scorer) scorer.close();
      scorers.delete(connId);
    },
    drain() {
      return outbox.splice(0, outbox.length);
    },
  };
}

module.exports = { createScorer, createGateway };

if (require.main === module) {
  const gw = createGateway();
  gw.onOpen('c1');
  gw.onOpen('c2');
  for (let i = 0; i < 6; i++) {
    gw.onMessage('c1', JSON.stringify({ values: [Math.sin(i), 0.1, 0.2, i % 2] }));
    gw.onMessage('c2', JSON.stringify({ values: [0.5, Math.cos(i), 0, 1] }));
  }
  console.log('alerts', gw.drain());
  gw.onClose('c1');
  gw.onClose('c2');
}
