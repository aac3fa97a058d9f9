// expect: tidy-disposed-state
// Browser widget that listens to microphone feature frames and lights up when a wake word is detected by a streaming LSTM.
const tf = require('@tensorflow/tfjs');

const FRAME_DIM = 40;
const UNITS = 64;
const LABELS = ['_silence_', '_unknown_', 'hey_tofu'];

function createSession(weights) {
  return {
    weights: weights,
    h: tf.zeros([1, UNITS]),
    c: tf.zeros([1, UNITS]),
    smoothed: new Float32Array(LABELS.length),
  };
}

function lstmStep(w, x, h, c) {
  const z = x.matMul(w.kernel).add(h.matMul(w.recurrent)).add(w.bias);
  const parts = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(parts[1]).mul(c).add(tf.sigmoid(parts[0]).mul(tf.tanh(parts[2])));
  const hNew = tf.sigmoid(parts[3]).mul(tf.tanh(cNew));
  return { logits: hNew.matMul(w.readout), h: hNew, c: cNew };
}

function onFrame(session, features) {
  const probs = tf.tidy(function () {
    const x = tf.tensor2d(features, [1, FRAME_DIM]);
    const out = lstmStep(session.weights, x, session.h, session.c);
    session.h = out.h;
    session.c = out.c;
    return tf.softmax(out.logits);
  });
  const p = probs.dataSync();
  probs.dispose();
  for (let i = 0; i < p.length; i++) {
    session.smoothed[i] = 0.8 * session.smoothed[i] + 0.2 * p[i];
  }
  return session.smoothed;
}

function randomWeights() {
  return {
    kernel: tf.randomNormal([FRAME_DIM, 4 * UNITS], 0, 0.05),
    recurrent: tf.randomNormal([UNITS, 4 * UNITS], 0, 0.05),
    bias: tf.zeros([4 * UNITS]),
    readout: tf.randomNormal([UNITS, LABELS.length], 0, 0.05),
  };
}

function mountWidget(root, featureSource) {
  var session = createSession(randomWeights());
  var lamp = document.createElement('div');
  var label = document.createElement('span');
  lamp.className = 'wake-lamp';
  root.appendChild(lamp);
  root.appendChild(label);

  featureSource.onframe = function (frame) {
    var scores = onFrame(session, frame);
    var hit = scores[2] > 0.7;
    lamp.style.background = hit ? '#4caf50' : '#ccc';
    label.textContent = hit ? 'listening...' : LABELS[scores.indexOf(Math.max.apply(null, scores))];
  };

  return function unmount() {
    featureSource.onframe = null;
    tf.dispose([session.h, session.c]);
    root.removeChild(lamp);
    root.removeChild(label);
  };
}

module.exports = { mountWidget, onFrame, createSession };
