// expect: state-leak
const tf = require('@tensorflow/tfjs');

class RecurrentPolicy {
  constructor(cell, head, units) {
    this.cell = cell;
    this.head = head;
    this.units = units;
    this.memory = tf.zeros([1, units]);
  }

  reset() {
    this.memory.dispose();
    this.memory = tf.zeros([1, this.units]);
  }

  act(obs) {
    const next = tf.tidy(() => this.cell.step(tf.tensor2d([obs]), this.memory));
    this.memory.dispose();
    this.memory = next;
    return tf.tidy(() => this.head.predict(next).argMax(-1).dataSync()[0]);
  }
}

async function evaluate(env, policy, episodes) {
  const returns = [];
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      const action = policy.act(obs);
      const res = await env.step(action);
      obs = res.obs;
      done = res.done;
      total += res.reward;
    }
    returns.push(total);
  }
  return returns.reduce((a, b) => a + b, 0) / returns.length;
}

module.exports = { RecurrentPolicy, evaluate };
