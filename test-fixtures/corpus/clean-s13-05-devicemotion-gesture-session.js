// expect: none
// Recognises shake / tilt / flick gestures from devicemotion events, one stateful LSTM step per sample.
const tf = require('@tensorflow/tfjs');

const GESTURES = ['idle', 'shake', 'tilt', 'flick'];

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 16,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, 1, 3],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 5 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 6 }),
  }));
  model.add(tf.layers.dense({ units: GESTURES.length, activation: 'softmax' }));
  return model;
}

class GestureSession {
  constructor(model) {
    this.model = model;
    this.active = false;
    this.votes = new Array(GESTURES.length).fill(0);
    this.samples = 0;
  }

  start() {
    // every recording is its own sequence
    this.model.resetStates();
    this.votes.fill(0);
    this.samples = 0;
    this.active = true;
  }

  push(ax, ay, az) {
    if (!this.active) return null;
    const probs = tf.tidy(() => {
      const x = tf.tensor3d([[[ax / 9.81, ay / 9.81, az / 9.81]]]);
      return this.model.predict(x).dataSync();
    });
    probs.forEach((p, i) => { this.votes[i] += p; });
    this.samples++;
    return probs;
  }

  stop() {
    this.active = false;
    if (this.samples === 0) return { gesture: 'idle', confidence: 0 };
    const best = this.votes.indexOf(Math.max(...this.votes));
    return { gesture: GESTURES[best], confidence: this.votes[best] / this.samples };
  }
}

function wireUp(win, doc, session) {
  const button = doc.getElementById('record');
  const out = doc.getElementById('gesture-result');
  const onMotion = (e) => {
    const a = e.accelerationIncludingGravity || { x: 0, y: 0, z: 0 };
    session.push(a.x || 0, a.y || 0, a.z || 0);
  };
  button.addEventListener('pointerdown', () => {
    session.start();
    out.textContent = 'recording…';
    win.addEventListener('devicemotion', onMotion);
  });
  button.addEventListener('pointerup', () => {
    win.removeEventListener('devicemotion', onMotion);
    const { gesture, confidence } = session.stop();
    out.textContent = `${gesture} (${(confidence * 100).toFixed(0)}%)`;
  });
}

module.exports = { GESTURES, buildModel, GestureSession, wireUp };

if (typeof window !== 'undefined' && typeof document !== 'undefined' && document.getElementById('record')) {
  wireUp(window, document, new GestureSession(buildModel()));
}
