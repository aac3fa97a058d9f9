// expect: none
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
  let sum = 0;
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    policy.reset();
    let done = false;
    while (!done) {
      const res = await env.step(policy.act(obs));
      ({ obs, done } = res);
      sum += res.reward;
    }
  }
  return sum / episodes;
}

module.exports = { RecurrentPolicy, evaluate };
