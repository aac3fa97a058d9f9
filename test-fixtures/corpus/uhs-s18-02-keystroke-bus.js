// expect: unused-hidden-state
// Keystroke-rhythm scorer: a pub/sub bus pushes key timing events into a small recurrent model, one state per tab.
const tf = require('@tensorflow/tfjs');

function createBus() {
  const topics = new Map();
  return {
    subscribe(topic, fn) {
      if (!topics.has(topic)) topics.set(topic, new Set());
      topics.get(topic).add(fn);
      return () => topics.get(topic).delete(fn);
    },
    publish(topic, payload) {
      const subs = topics.get(topic);
      if (subs) subs.forEach((fn) => fn(payload));
    },
  };
}

const FEATURES = 2; // dwell and flight time in seconds
const UNITS = 12;

function createRhythmModel(seed = 7) {
  const E = tf.variable(tf.randomNormal([FEATURES, UNITS], 0, 0.5, 'float32', seed));
  const Wx = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1));
  const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 2));
  const bh = tf.variable(tf.zeros([UNITS]));
  const Wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 3));

  function initialState() {
    return tf.zeros([1, UNITS]);
  }

  function step(x, h) {
    return tf.tidy(() => {
      const e = tf.relu(tf.matMul(x, E));
      const hNext = tf.tanh(tf.matMul(e, Wx).add(tf.matMul(e, Wh)).add(bh));
      const score = tf.sigmoid(tf.matMul(hNext, Wy));
      return [score, hNext];
    });
  }

  return { initialState, step };
}

function attachScorer(bus, model) {
  const tabs = new Map();

  const offKey = bus.subscribe('key', ({ tabId, dwell, flight }) => {
    const prev = tabs.get(tabId) || model.initialState();
    const x = tf.tensor2d([[dwell, flight]]);
    const [score, next] = model.step(x, prev);
    x.dispose();
    prev.dispose();
    tabs.set(tabId, next);
    const value = score.dataSync()[0];
    score.dispose();
    bus.publish('score', { tabId, value });
  });

  const offClose = bus.subscribe('tab-closed', ({ tabId }) => {
    const h = tabs.get(tabId);
    if (h) h.dispose();
    tabs.delete(tabId);
  });

  return () => {
    offKey();
    offClose();
    tabs.forEach((h) => h.dispose());
    tabs.clear();
  };
}

module.exports = { createBus, createRhythmModel, attachScorer };

if (require.main === module) {
  const bus = createBus();
  const detach = attachScorer(bus, createRhythmModel());
  bus.subscribe('score', ({ tabId, value }) => console.log(`tab ${tabId}: ${value.toFixed(4)}`));
  const timings = [[0.09, 0.21], [0.11, 0.18], [0.08, 0.3], [0.1, 0.12]];
  timings.forEach(([dwell, flight]) => bus.publish('key', { tabId: 'a', dwell, flight }));
  bus.publish('tab-closed', { tabId: 'a' });
  detach();
}
