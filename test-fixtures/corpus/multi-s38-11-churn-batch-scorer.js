// expect: state-leak, stacked-activation
// Nightly batch job that scores churn risk for every customer from their event history and writes a CSV report.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const EVENT_TYPES = ['login', 'purchase', 'support', 'refund', 'downgrade', 'upgrade', 'idle'];

class ChurnScorer {
  constructor(weights) {
    this.wx = tf.tensor2d(weights.wx);
    this.wh = tf.tensor2d(weights.wh);
    this.b = tf.tensor1d(weights.b);
    this.hidden = weights.wh.length;
    this.head = tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      weights: [tf.tensor2d(weights.headKernel), tf.tensor1d(weights.headBias)],
    });
    this.h = tf.zeros([1, this.hidden]);
  }

  encodeEvent(event) {
    const oneHot = EVENT_TYPES.map((t) => (t === event.type ? 1 : 0));
    return tf.tensor2d([[...oneHot, Math.log1p(event.amount || 0), event.daysSincePrev / 30]]);
  }

  observe(event) {
    const next = tf.tidy(() => {
      const x = this.encodeEvent(event);
      return tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(this.h, this.wh)).add(this.b));
    });
    this.h.dispose();
    this.h = next;
  }

  score() {
    return tf.tidy(() => {
      const p = tf.sigmoid(this.head.apply(this.h));
      return p.dataSync()[0];
    });
  }
}

function loadCustomers(file) {
  const byCustomer = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line);
    if (!byCustomer.has(event.customerId)) byCustomer.set(event.customerId, []);
    byCustomer.get(event.customerId).push(event);
  }
  return byCustomer;
}

function main() {
  const weights = JSON.parse(fs.readFileSync('./churn-rnn.json', 'utf8'));
  const scorer = new ChurnScorer(weights);
  const customers = loadCustomers(process.argv[2] || './events.ndjson');
  const rows = ['customer_id,events,risk'];

  for (const [customerId, events] of customers) {
    events.sort((a, b) => a.ts - b.ts);
    for (const event of events) scorer.observe(event);
    const risk = scorer.score();
    rows.push(`${customerId},${events.length},${risk.toFixed(4)}`);
  }

  fs.writeFileSync('./churn-report.csv', rows.join('\n'));
  console.log(`scored ${customers.size} customers, tensors=${tf.memory().numTensors}`);
}

main();
