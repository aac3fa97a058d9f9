// The same consumer, correct: `handle` resets the stateful GRU before scoring each customer; and a
// second consumer is given a stateless model through the same options object, so sharing it across
// customers carries nothing over.
import * as tf from '@tensorflow/tfjs';

export function buildStreaming() {
  const net = tf.sequential();
  net.add(tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, 1, 4] }));
  net.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return net;
}

export function buildStateless() {
  const plain = tf.sequential();
  plain.add(tf.layers.gru({ units: 8, inputShape: [null, 4] }));
  plain.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return plain;
}

function scoreCustomer(net, months) {
  let p = 0;
  for (const m of months) p = tf.tidy(() => net.predict(tf.tensor3d([[m]], [1, 1, 4])).dataSync()[0]);
  return p;
}

export class Consumer {
  constructor({ net, store }) {
    this.net = net;
    this.store = store;
  }

  async handle(message) {
    const months = await this.store.months(message.customerId);
    this.net.resetStates();
    return scoreCustomer(this.net, months);
  }

  async drain(messages) {
    for (const msg of messages) await this.handle(msg);
  }
}

export class PlainConsumer {
  constructor({ model, store }) {
    this.model = model;
    this.store = store;
  }

  async handle(message) {
    const months = await this.store.months(message.customerId);
    return scoreCustomer(this.model, months);
  }

  async drain(messages) {
    for (const msg of messages) await this.handle(msg);
  }
}

export function start(store, messages) {
  new PlainConsumer({ model: buildStateless(), store }).drain(messages);
  return new Consumer({ net: buildStreaming(), store }).drain(messages);
}
