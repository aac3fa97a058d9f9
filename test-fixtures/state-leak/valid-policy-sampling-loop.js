// A recurrent policy samples its action from the softmax; each episode starts from a fresh state.
import * as tf from '@tensorflow/tfjs';

class RecurrentPolicy {
  constructor(obsDim, units, nActions) {
    this.wx = tf.randomNormal([obsDim, units]);
    this.wh = tf.randomNormal([units, units]);
    this.wa = tf.randomNormal([units, nActions]);
    this.h = tf.zeros([1, units]);
  }

  reset() {
    this.h.dispose();
    this.h = tf.zeros(this.h.shape);
  }

  act(obs) {
    const [hNext, probs] = tf.tidy(() => {
      const hNew = tf.tanh(tf.tensor2d([obs]).matMul(this.wx).add(this.h.matMul(this.wh)));
      return [hNew, tf.softmax(hNew.matMul(this.wa))];
    });
    this.h.dispose();
    this.h = hNext;
    const p = probs.dataSync();
    probs.dispose();
    let r = Math.random();
    for (let a = 0; a < p.length; a++) {
      r -= p[a];
      if (r <= 0) return a;
    }
    return p.length - 1;
  }
}

export function rollouts(env, episodes) {
  const policy = new RecurrentPolicy(3, 8, 2);
  const returns = [];
  for (let ep = 0; ep < episodes; ep++) {
    policy.reset();
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      const res = env.step(policy.act(obs));
      obs = res.obs;
      done = res.done;
      total += res.reward;
    }
    returns.push(total);
  }
  return returns;
}
