// A stateful GRU reaches a consumer class through a constructor options object; each message is
// another customer, scored by a helper that feeds that customer's months one at a time, and nothing
// resets the state between customers.
import * as tf from '@tensorflow/tfjs';

export function buildStreaming() {
  const net = tf.sequential();
  net.add(tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, 1, 4] }));
  net.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return net;
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
    return scoreCustomer(this.net, months);
//         ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }

  async drain(messages) {
    for (const msg of messages) await this.handle(msg);
  }
}

export function start(store, messages) {
  const streaming = buildStreaming();
  return new Consumer({ net: streaming, store }).drain(messages);
}
