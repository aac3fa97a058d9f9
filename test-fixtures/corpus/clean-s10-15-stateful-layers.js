// expect: none
// Streams each recorded gesture through a stateful 2-layer LSTM one frame at a time and reports the running class guess.
const tf = require('@tensorflow/tfjs');

const FEATURES = 6;
const CLASSES = ['swipe', 'tap', 'pinch'];

function buildStreamingModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 24, stateful: true, returnSequences: true, batchInputShape: [1, 1, FEATURES] }));
  model.add(tf.layers.lstm({ units: 24, stateful: true }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  return model;
}

class GestureStreamer {
  constructor(model) {
    this.model = model;
  }

  begin() {
    // every gesture is an independent sequence
    this.model.resetStates();
  }

  push(frame) {
    return tf.tidy(() => {
      const x = tf.tensor3d([[frame]]);
      const probs = this.model.predict(x);
      return Array.from(probs.dataSync());
    });
  }
}

async function classifyRecordings(streamer, recordings) {
  const results = [];
  for (const rec of recordings) {
    streamer.begin();
    let probs = null;
    for (const frame of rec.frames) {
      probs = streamer.push(frame);
      // yield to the event loop like the live UI does between frames
      await new Promise((resolve) => setImmediate(resolve));
    }
    const best = probs.indexOf(Math.max(...probs));
    results.push({ id: rec.id, label: CLASSES[best], confidence: probs[best] });
  }
  return results;
}

function fakeRecording(id, len) {
  const frames = [];
  for (let t = 0; t < len; t++) {
    frames.push(Array.from({ length: FEATURES }, (_, k) => Math.sin(0.3 * t + k) * (id + 1) * 0.2));
  }
  return { id, frames };
}

module.exports = { buildStreamingModel, GestureStreamer, classifyRecordings };

if (require.main === module) {
  const streamer = new GestureStreamer(buildStreamingModel());
  const recordings = [fakeRecording(0, 12), fakeRecording(1, 8), fakeRecording(0, 12)];
  classifyRecordings(streamer, recordings).then((r) => console.log(r));
}
