// expect: state-leak
// Queue consumer that replays each customer's monthly activity through a streaming GRU and writes a churn probability.
import * as tf from '@tensorflow/tfjs';
import { setTimeout as sleep } from 'node:timers/promises';

const FEATURES = 9;

export function buildStreamingModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: 32,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, 1, FEATURES],
  }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function monthVector(m) {
  return [
    m.logins / 30,
    m.sessionsMinutes / 600,
    m.ticketsOpened / 5,
    m.featureAdoption,
    m.seats / 100,
    m.invoicesLate,
    m.discount,
    m.npsResponded ? 1 : 0,
    (m.nps ?? 0) / 10,
  ];
}

async function scoreCustomer(model, history) {
  let last = null;
  for (const month of history) {
    const p = tf.tidy(() => model.predict(tf.tensor3d([[monthVector(month)]], [1, 1, FEATURES])));
    if (last) last.dispose();
    last = p;
  }
  if (!last) return null;
  const [prob] = await last.data();
  last.dispose();
  return prob;
}

export class ChurnConsumer {
  constructor({ model, queue, db, log = console }) {
    this.model = model;
    this.queue = queue;
    this.db = db;
    this.log = log;
    this.running = false;
  }

  async handle(message) {
    const { customerId } = JSON.parse(message.body);
    const history = await this.db.monthlyActivity(customerId, { months: 12 });
    const prob = await scoreCustomer(this.model, history);
    if (prob !== null) {
      await this.db.upsertChurnScore(customerId, prob, new Date());
    }
    return prob;
  }

  async start() {
    this.running = true;
    while (this.running) {
      const messages = await this.queue.receive({ max: 10, waitSeconds: 20 });
      if (messages.length === 0) {
        await sleep(1000);
        continue;
      }
      for (const msg of messages) {
        try {
          const prob = await this.handle(msg);
          await this.queue.ack(msg);
          this.log.info?.(`churn ${msg.id} -> ${prob?.toFixed(3)}`);
        } catch (err) {
          this.log.error?.(`churn ${msg.id} failed`, err);
          await this.queue.nack(msg);
        }
      }
    }
  }

  stop() {
    this.running = false;
  }
}

export async function bootstrap({ queue, db, modelUrl }) {
  const trained = await tf.loadLayersModel(modelUrl);
  const model = buildStreamingModel();
  model.setWeights(trained.getWeights());
  const consumer = new ChurnConsumer({ model, queue, db });
  process.on('SIGINT', () => consumer.stop());
  await consumer.start();
}
