// expect: tidy-disposed-state
// ES module: multiplexed IoT telemetry stream; one GRU-style hidden state per device id, emitted through a tiny subject.
import * as tf from '@tensorflow/tfjs';

export function subject() {
  let observers = [];
  return {
    subscribe(fn) {
      observers.push(fn);
      return () => { observers = observers.filter((o) => o !== fn); };
    },
    next(v) {
      observers.forEach((o) => o(v));
    }
  };
}

export function createDeviceMonitor(params, options = {}) {
  const opts = Object.assign({ units: 16, features: 5, alertAt: 0.85 }, options);
  const states = new Map();
  const alerts = subject();

  function stateFor(id) {
    if (!states.has(id)) states.set(id, tf.zeros([1, opts.units]));
    return states.get(id);
  }

  function cell(x, h) {
    const z = tf.sigmoid(tf.add(tf.add(tf.matMul(x, params.wz), tf.matMul(h, params.uz)), params.bz));
    const n = tf.tanh(tf.add(tf.add(tf.matMul(x, params.wn), tf.matMul(h, params.un)), params.bn));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
  }

  function onReading({ deviceId, values }) {
    const score = tf.tidy(() => {
      const x = tf.tensor2d([values], [1, opts.features]);
      const hNext = cell(x, stateFor(deviceId));
      states.set(deviceId, hNext);
      const logit = tf.add(tf.matMul(hNext, params.wo), params.bo);
      return tf.sigmoid(logit).dataSync()[0];
    });
    if (score >= opts.alertAt) alerts.next({ deviceId, score, at: Date.now() });
    return score;
  }

  function forget(deviceId) {
    const h = states.get(deviceId);
    if (h) {
      h.dispose();
      states.delete(deviceId);
    }
  }

  function snapshot() {
    const out = {};
    for (const [id, h] of states) out[id] = Array.from(h.dataSync());
    return out;
  }

  return { onReading, forget, snapshot, alerts };
}

export function connect(telemetry$, monitor) {
  const unsubscribe = telemetry$.subscribe((msg) => {
    if (msg.type === 'reading') monitor.onReading(msg);
    else if (msg.type === 'offline') monitor.forget(msg.deviceId);
  });
  return unsubscribe;
}
