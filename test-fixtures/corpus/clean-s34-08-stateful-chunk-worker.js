// expect: none
// Worker that streams long audio-feature recordings through a stateful LSTM in fixed-size chunks and stores frame labels.
const tf = require('@tensorflow/tfjs');
const { EventEmitter } = require('events');

const CHUNK = 50;
const FEATS = 13;
const CLASSES = 4; // silence, speech, music, noise

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 64,
    stateful: true,
    returnSequences: true,
    batchInputShape: [1, CHUNK, FEATS],
  }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: CLASSES, activation: 'softmax' }) }));
  return model;
}

async function* chunksOf(frames) {
  for (let i = 0; i < frames.length; i += CHUNK) {
    const slice = frames.slice(i, i + CHUNK);
    const valid = slice.length;
    while (slice.length < CHUNK) slice.push(new Array(FEATS).fill(0));
    yield { slice, valid };
  }
}

class RecordingWorker extends EventEmitter {
  constructor(model, queue, store) {
    super();
    this.model = model;
    this.queue = queue;
    this.store = store;
    this.stopped = false;
  }

  async labelRecording(recording) {
    this.model.resetStates();
    const labels = [];
    for await (const { slice, valid } of chunksOf(recording.frames)) {
      const probs = tf.tidy(() => this.model.predict(tf.tensor3d([slice])).squeeze([0]));
      const argmax = probs.argMax(-1);
      const ids = await argmax.array();
      tf.dispose([probs, argmax]);
      labels.push(...ids.slice(0, valid));
    }
    return labels;
  }

  async run() {
    while (!this.stopped) {
      const job = await this.queue.pop({ timeoutMs: 5000 });
      if (!job) continue;
      try {
        const recording = await this.store.loadFrames(job.recordingId);
        const labels = await this.labelRecording(recording);
        await this.store.saveLabels(job.recordingId, labels);
        this.emit('done', { id: job.recordingId, frames: labels.length });
      } catch (err) {
        this.emit('failed', { id: job.recordingId, err });
        await this.queue.retry(job);
      }
    }
  }

  stop() {
    this.stopped = true;
  }
}

async function main({ queue, store, weightsUrl }) {
  const model = buildModel();
  const trained = await tf.loadLayersModel(weightsUrl);
  model.setWeights(trained.getWeights());
  trained.dispose();

  const worker = new RecordingWorker(model, queue, store);
  worker.on('done', ({ id, frames }) => console.log(`labelled ${id} (${frames} frames)`));
  worker.on('failed', ({ id, err }) => console.error(`recording ${id} failed: ${err.message}`));
  process.once('SIGTERM', () => worker.stop());
  await worker.run();
}

module.exports = { buildModel, RecordingWorker, main };
