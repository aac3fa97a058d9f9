// expect: stacked-activation
// Log-tail alerter: an EventEmitter streams parsed log lines, a small LSTM classifies each window and raises per-category alerts.
const tf = require('@tensorflow/tfjs');
const { EventEmitter } = require('events');

const CATEGORIES = ['disk', 'network', 'auth', 'oom'];
const FEATURES = 6;
const WINDOW = 8;

function buildClassifier() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [WINDOW, FEATURES], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.dense({ units: CATEGORIES.length, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  return model;
}

function lineFeatures(line) {
  return [
    line.level === 'error' ? 1 : 0,
    line.level === 'warn' ? 1 : 0,
    /disk|inode|ENOSPC/i.test(line.msg) ? 1 : 0,
    /timeout|ECONNRESET|socket/i.test(line.msg) ? 1 : 0,
    /login|token|denied/i.test(line.msg) ? 1 : 0,
    /heap|memory|killed/i.test(line.msg) ? 1 : 0,
  ];
}

function categoryScores(model, windowRows) {
  return tf.tidy(() => {
    const out = model.predict(tf.tensor3d([windowRows]));
    return out.squeeze([0]);
  });
}

class Alerter extends EventEmitter {
  constructor(model, threshold = 0.5) {
    super();
    this.model = model;
    this.threshold = threshold;
    this.rows = [];
    this.on('line', (line) => this.ingest(line));
  }

  ingest(line) {
    this.rows.push(lineFeatures(line));
    if (this.rows.length > WINDOW) this.rows.shift();
    if (this.rows.length < WINDOW) return;

    const scores = categoryScores(this.model, this.rows);
    const confidence = tf.sigmoid(scores);
    const values = confidence.dataSync();
    scores.dispose();
    confidence.dispose();

    CATEGORIES.forEach((category, i) => {
      if (values[i] > this.threshold) {
        this.emit('alert', { category, confidence: values[i], at: line.ts });
      }
    });
  }
}

module.exports = { buildClassifier, Alerter, CATEGORIES };

if (require.main === module) {
  const alerter = new Alerter(buildClassifier());
  let fired = 0;
  alerter.on('alert', (a) => {
    fired += 1;
    console.log(`[${a.at}] ${a.category} ${a.confidence.toFixed(3)}`);
  });
  const msgs = ['GET /health 200', 'login ok', 'socket timeout talking to db', 'GET / 200', 'heap usage 81%', 'GET /api 200', 'disk 91% full', 'GET / 200', 'GET / 200'];
  msgs.forEach((msg, ts) => alerter.emit('line', { ts, level: /timeout|full/.test(msg) ? 'warn' : 'info', msg }));
  console.log('alerts fired:', fired);
}
