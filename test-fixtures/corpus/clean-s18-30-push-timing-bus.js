// expect: none
// Push-notification timing service: a message bus delivers engagement events per user; a GRU per user decides whether to notify now.
const tf = require('@tensorflow/tfjs');

const EVENT_KINDS = ['open', 'scroll', 'like', 'dismiss', 'background'];
const PROFILE_DIM = 4;
const UNITS = 12;

function createBus() {
  const handlers = {};
  return {
    on(topic, fn) {
      (handlers[topic] = handlers[topic] || []).push(fn);
    },
    send(topic, msg) {
      (handlers[topic] || []).forEach((fn) => fn(msg));
    },
  };
}

function createTimingModel(seed = 1100) {
  const inSize = EVENT_KINDS.length + PROFILE_DIM;
  const Wzr = tf.randomNormal([inSize, 2 * UNITS], 0, 0.3, 'float32', seed);
  const Uzr = tf.randomNormal([UNITS, 2 * UNITS], 0, 0.3, 'float32', seed + 1);
  const Wn = tf.randomNormal([inSize, UNITS], 0, 0.3, 'float32', seed + 2);
  const Un = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 3);
  const head = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 4);

  function step(x, profile, h) {
    const input = tf.concat([x, profile], 1);
    const [z, r] = tf.split(tf.sigmoid(input.matMul(Wzr).add(h.matMul(Uzr))), 2, 1);
    const n = tf.tanh(input.matMul(Wn).add(r.mul(h).matMul(Un)));
    const hNew = tf.scalar(1).sub(z).mul(h).add(z.mul(n));
    return { h: hNew, p: tf.sigmoid(hNew.matMul(head)) };
  }

  return { step };
}

function createTimingService(bus, model, threshold = 0.6) {
  const users = new Map();

  bus.on('user.profile', ({ userId, profile }) => {
    const prev = users.get(userId);
    if (prev) tf.dispose([prev.h, prev.profile]);
    users.set(userId, { h: tf.zeros([1, UNITS]), profile: tf.tensor2d([profile]) });
  });

  bus.on('user.event', ({ userId, kind }) => {
    const entry = users.get(userId);
    if (!entry) return;
    const p = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([EVENT_KINDS.indexOf(kind)], 'int32'), EVENT_KINDS.length).toFloat();
      const out = model.step(x, entry.profile, entry.h);
      entry.h.dispose();
      entry.h = tf.keep(out.h);
      return out.p.dataSync()[0];
    });
    if (p > threshold) bus.send('push.schedule', { userId, p });
  });

  bus.on('user.logout', ({ userId }) => {
    const entry = users.get(userId);
    if (entry) tf.dispose([entry.h, entry.profile]);
    users.delete(userId);
  });

  return { activeUsers: () => users.size };
}

module.exports = { createBus, createTimingModel, createTimingService };

if (require.main === module) {
  const bus = createBus();
  const service = createTimingService(bus, createTimingModel(), 0.5);
  bus.on('push.schedule', ({ userId, p }) => console.log(`notify ${userId} (p=${p.toFixed(2)})`));
  bus.send('user.profile', { userId: 'ana', profile: [0.2, 0.9, 0, 1] });
  bus.send('user.profile', { userId: 'bo', profile: [0.8, 0.1, 1, 0] });
  ['open', 'scroll', 'like', 'background'].forEach((kind) => bus.send('user.event', { userId: 'ana', kind }));
  ['dismiss', 'background'].forEach((kind) => bus.send('user.event', { userId: 'bo', kind }));
  bus.send('user.logout', { userId: 'bo' });
  console.log('active users:', service.activeUsers(), 'tensors:', tf.memory().numTensors);
}
