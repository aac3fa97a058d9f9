// expect: none
// Node service that keeps per-player LSTM states in an LRU cache, evicting with dispose and snapshotting the cache to disk on shutdown.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const HIDDEN = 32;
const CAPACITY = 1000;
const SNAPSHOT = './player-states.json';

class PlayerStateCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = new Map();
  }

  take(playerId) {
    const entry = this.map.get(playerId);
    if (entry) this.map.delete(playerId);
    return entry || { h: tf.zeros([1, HIDDEN]), c: tf.zeros([1, HIDDEN]) };
  }

  put(playerId, entry) {
    this.map.set(playerId, entry);
    if (this.map.size > this.capacity) {
      const [oldestId, oldest] = this.map.entries().next().value;
      this.map.delete(oldestId);
      tf.dispose([oldest.h, oldest.c]);
    }
  }

  forget(playerId) {
    const entry = this.map.get(playerId);
    if (entry) tf.dispose([entry.h, entry.c]);
    this.map.delete(playerId);
  }
}

function lstm(W, x, h, c) {
  const gates = tf.add(tf.add(tf.matMul(x, W.kernel), tf.matMul(h, W.recurrent)), W.bias);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  return { h: tf.mul(tf.sigmoid(o), tf.tanh(cNext)), c: cNext };
}

function createService(W) {
  const cache = new PlayerStateCache(CAPACITY);

  function onMatchEvents(playerId, events, { newMatch = false } = {}) {
    if (newMatch) cache.forget(playerId);
    const prev = cache.take(playerId);
    const next = tf.tidy(() => {
      let s = prev;
      for (const e of events) s = lstm(W, tf.tensor2d([e.features]), s.h, s.c);
      return { h: s.h, c: s.c, tilt: tf.sigmoid(tf.matMul(s.h, W.tiltHead)).squeeze() };
    });
    if (next.h !== prev.h) tf.dispose([prev.h, prev.c]);
    cache.put(playerId, { h: next.h, c: next.c });
    const tilt = next.tilt.dataSync()[0];
    next.tilt.dispose();
    return tilt;
  }

  function snapshot() {
    const out = {};
    for (const [id, { h, c }] of cache.map) out[id] = { h: h.arraySync(), c: c.arraySync() };
    fs.writeFileSync(SNAPSHOT, JSON.stringify(out));
  }

  function restore() {
    if (!fs.existsSync(SNAPSHOT)) return;
    const saved = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
    for (const [id, s] of Object.entries(saved)) cache.put(id, { h: tf.tensor2d(s.h), c: tf.tensor2d(s.c) });
  }

  return { onMatchEvents, snapshot, restore, stats: () => ({ players: cache.map.size, ...tf.memory() }) };
}

module.exports = { createService };

if (require.main === module) {
  const W = JSON.parse(fs.readFileSync('./tilt-lstm.json', 'utf8'));
  for (const k of Object.keys(W)) W[k] = tf.tensor(W[k].values, W[k].shape);
  const service = createService(W);
  service.restore();
  process.on('SIGTERM', () => {
    service.snapshot();
    process.exit(0);
  });
}
