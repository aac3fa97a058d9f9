// expect: none
// Backfills each device's history through a stateful GRU, then serves live readings with one model copy per device.
const tf = require('@tensorflow/tfjs');

const CHUNK = 10;

function buildModel(batchSteps) {
  const model = tf.sequential();
  model.add(
    tf.layers.gru({
      units: 12,
      stateful: true,
      returnSequences: true,
      batchInputShape: [1, batchSteps, 1],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 31 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 32 }),
    })
  );
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  return model;
}

function backfill(model, history) {
  const result = {};
  for (const [deviceId, series] of Object.entries(history)) {
    model.resetStates();
    const preds = [];
    for (let start = 0; start + CHUNK <= series.length; start += CHUNK) {
      const chunk = series.slice(start, start + CHUNK);
      const out = tf.tidy(() => model.predict(tf.tensor3d([chunk.map((v) => [v])])).dataSync());
      preds.push(...out);
    }
    result[deviceId] = preds;
  }
  return result;
}

class LiveFleet {
  constructor(template) {
    this.template = template;
    this.models = new Map();
  }

  connect(deviceId) {
    let model = this.models.get(deviceId);
    if (!model) {
      model = buildModel(1);
      model.setWeights(this.template.getWeights());
      this.models.set(deviceId, model);
    }
    // every connection is a new stream for this device
    model.resetStates();
  }

  reading(deviceId, value) {
    if (!this.models.has(deviceId)) this.connect(deviceId);
    const model = this.models.get(deviceId);
    return tf.tidy(() => model.predict(tf.tensor3d([[[value]]])).dataSync()[0]);
  }

  disconnect(deviceId) {
    const model = this.models.get(deviceId);
    if (model) model.dispose();
    this.models.delete(deviceId);
  }
}

function main() {
  const template = buildModel(CHUNK);
  const history = {
    'meter-a': Array.from({ length: 40 }, (_, t) => Math.sin(t / 5)),
    'meter-b': Array.from({ length: 30 }, (_, t) => Math.cos(t / 3)),
  };
  const filled = backfill(template, history);
  for (const [id, preds] of Object.entries(filled)) console.log(id, 'backfilled', preds.length, 'steps');

  const fleet = new LiveFleet(template);
  fleet.connect('meter-a');
  for (let t = 0; t < 5; t++) console.log('meter-a live', fleet.reading('meter-a', Math.sin((40 + t) / 5)).toFixed(4));
  fleet.disconnect('meter-a');
  fleet.connect('meter-a');
  console.log('after reconnect', fleet.reading('meter-a', 0.1).toFixed(4));
}

module.exports = { buildModel, backfill, LiveFleet };

if (require.main === module) main();
