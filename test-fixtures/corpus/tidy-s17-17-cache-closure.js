// expect: tidy-disposed-state
// Factory for a streaming anomaly detector: feed it one reading at a time from the MQTT callback.
const tf = require('@tensorflow/tfjs');

function createStreamer({ units = 8, seed = 71 } = {}) {
  const wx = tf.randomNormal([1, units], 0, 0.6, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1);
  const wo = tf.randomNormal([units, 1], 0, 0.6, 'float32', seed + 2);
  let state = tf.zeros([1, units]);
  let count = 0;

  function push(value) {
    return tf.tidy(() => {
      const x = tf.tensor2d([[value]]);
      const next = tf.tanh(tf.matMul(x, wx).add(tf.matMul(state, wh)));
      state = next;
      count += 1;
      return tf.matMul(next, wo).squeeze();
    });
  }

  function score(value) {
    const out = push(value);
    const s = out.dataSync()[0];
    out.dispose();
    return s;
  }

  function reset() {
    state = tf.zeros([1, units]);
    count = 0;
  }

  function info() {
    return { count, units };
  }

  return { push, score, reset, info };
}

function attachToClient(client, topic, onAlert, threshold = 1.5) {
  const streamer = createStreamer();
  client.subscribe(topic);
  client.on('message', (t, payload) => {
    if (t !== topic) return;
    const value = Number(payload.toString());
    if (Number.isNaN(value)) return;
    const s = streamer.score(value);
    if (Math.abs(s) > threshold) onAlert({ value, score: s, at: Date.now() });
  });
  return streamer;
}

module.exports = { createStreamer, attachToClient };
