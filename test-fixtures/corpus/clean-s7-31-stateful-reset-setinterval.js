// expect: none
// Phone activity recognizer page: polls the accelerometer every 50 ms and streams samples through a stateful LSTM.
const tf = require('@tensorflow/tfjs');

const ACTIVITIES = ['still', 'walking', 'running', 'stairs', 'cycling'];
const POLL_MS = 50;

let model = null;
let latest = { x: 0, y: 0, z: 0 };
let timer = null;
let recording = null;

async function loadModel() {
  const trained = await tf.loadLayersModel('models/har-lstm/model.json');
  // rebuild with batch size 1 and stateful recurrence so we can feed one sample at a time
  const streaming = tf.sequential();
  streaming.add(tf.layers.lstm({ units: 64, stateful: true, batchInputShape: [1, 1, 3] }));
  streaming.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  streaming.setWeights(trained.getWeights());
  trained.dispose();
  return streaming;
}

function onMotion(ev) {
  const a = ev.accelerationIncludingGravity;
  if (a) latest = { x: a.x / 9.81, y: a.y / 9.81, z: a.z / 9.81 };
}

function tick() {
  const probs = tf.tidy(() => {
    const x = tf.tensor3d([[[latest.x, latest.y, latest.z]]]);
    return model.predict(x).dataSync();
  });
  recording.samples++;
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  recording.counts[best]++;
  document.getElementById('activity').textContent =
    `${ACTIVITIES[best]} (${Math.round(probs[best] * 100)}%) - ${recording.samples} samples`;
}

function startRecording(label) {
  stopRecording();
  // each recording is its own sequence: clear whatever the LSTM remembered from the last one
  model.resetStates();
  recording = { label, samples: 0, counts: new Array(ACTIVITIES.length).fill(0), started: Date.now() };
  window.addEventListener('devicemotion', onMotion);
  timer = setInterval(tick, POLL_MS);
}

function stopRecording() {
  if (timer !== null) {
    clearInterval(timer);
    timer = null;
  }
  window.removeEventListener('devicemotion', onMotion);
  if (recording && recording.samples > 0) {
    const summary = ACTIVITIES.map((a, i) => `${a}: ${((100 * recording.counts[i]) / recording.samples).toFixed(0)}%`);
    const li = document.createElement('li');
    li.textContent = `${recording.label || 'untitled'} (${((Date.now() - recording.started) / 1000).toFixed(0)}s): ${summary.join(', ')}`;
    document.getElementById('history').appendChild(li);
  }
  recording = null;
}

async function main() {
  document.getElementById('status').textContent = 'loading model...';
  model = await loadModel();
  document.getElementById('status').textContent = 'ready';

  document.getElementById('start').addEventListener('click', async () => {
    if (typeof DeviceMotionEvent !== 'undefined' && typeof DeviceMotionEvent.requestPermission === 'function') {
      const res = await DeviceMotionEvent.requestPermission();
      if (res !== 'granted') return;
    }
    startRecording(document.getElementById('label').value.trim());
  });
  document.getElementById('stop').addEventListener('click', stopRecording);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) stopRecording();
  });
}

main();
