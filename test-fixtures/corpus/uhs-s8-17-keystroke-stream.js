// expect: unused-hidden-state
// Factory for a streaming keystroke-timing encoder that updates a running embedding per key event, used to flag unusual typing rhythm.
const tf = require('@tensorflow/tfjs');

function createRhythmEncoder({ inputDim = 3, units = 16, seed = 7 } = {}) {
  const Wx = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed);
  const Wh = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
  const b = tf.zeros([units]);
  let memory = tf.zeros([1, units]);
  let events = 0;

  function featurise(evt) {
    // dwell time, flight time since previous key, whether the key is a modifier
    return tf.tensor2d([[evt.dwellMs / 200, evt.flightMs / 400, evt.modifier ? 1 : 0]]);
  }

  return {
    update(evt) {
      const next = tf.tidy(() => {
        const x = featurise(evt);
        const drive = x.matMul(Wx).add(b);
        return tf.tanh(drive);
      });
      memory.dispose();
      memory = next;
      events += 1;
      return next.clone();
    },

    reset() {
      memory.dispose();
      memory = tf.zeros([1, units]);
      events = 0;
    },

    get count() {
      return events;
    },

    dispose() {
      tf.dispose([Wx, Wh, b, memory]);
    },
  };
}

function createRhythmMonitor(profile, threshold = 0.35) {
  const encoder = createRhythmEncoder();
  let lastAlert = null;
  return {
    onKey(evt) {
      const emb = encoder.update(evt);
      const dist = tf.tidy(() => tf.losses.cosineDistance(profile, emb, 1).dataSync()[0]);
      emb.dispose();
      if (encoder.count > 10 && dist > threshold) {
        lastAlert = { at: Date.now(), dist };
      }
      return dist;
    },
    newSession() {
      encoder.reset();
      lastAlert = null;
    },
    get alert() {
      return lastAlert;
    },
  };
}

module.exports = { createRhythmEncoder, createRhythmMonitor };

if (require.main === module) {
  const profile = tf.randomUniform([1, 16], -1, 1);
  const monitor = createRhythmMonitor(profile);
  for (let i = 0; i < 20; i++) {
    const d = monitor.onKey({ dwellMs: 80 + 20 * Math.random(), flightMs: 150 + 60 * Math.random(), modifier: i % 7 === 0 });
    if (i % 5 === 4) console.log(`key ${i + 1}: distance ${d.toFixed(3)}`);
  }
  console.log('alert:', monitor.alert);
}
