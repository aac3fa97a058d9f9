// expect: state-leak
// Rollout worker for a recurrent T-maze policy built on a multiplicative-integration RNN (Wu et al., 2016).
import * as tf from '@tensorflow/tfjs';

// Corridor of length L; the cue (which arm holds the reward) is only visible on the first step.
class TMaze {
  constructor(length = 6) {
    this.length = length;
  }

  reset() {
    this.pos = 0;
    this.goal = Math.random() < 0.5 ? 0 : 1;
    return this.observe();
  }

  observe() {
    const cue = this.pos === 0 ? (this.goal === 0 ? [1, 0] : [0, 1]) : [0, 0];
    return [...cue, this.pos < this.length ? 1 : 0, this.pos === this.length ? 1 : 0];
  }

  // actions: 0 = forward, 1 = turn left, 2 = turn right
  step(action) {
    if (this.pos < this.length) {
      if (action === 0) this.pos += 1;
      return { obs: this.observe(), reward: -0.01, done: false };
    }
    if (action === 0) return { obs: this.observe(), reward: -0.01, done: false };
    return { obs: this.observe(), reward: action - 1 === this.goal ? 1 : -1, done: true };
  }
}

class MIRNNPolicy {
  constructor(obsDim, units, actions) {
    const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
    this.W = w(obsDim, units);
    this.U = w(units, units);
    // h = tanh(α ⊙ Wx ⊙ Uh + β1 ⊙ Uh + β2 ⊙ Wx + b)
    this.alpha = tf.variable(tf.ones([units]));
    this.beta1 = tf.variable(tf.fill([units], 0.5));
    this.beta2 = tf.variable(tf.fill([units], 0.5));
    this.b = tf.variable(tf.zeros([units]));
    this.Wpi = w(units, actions);
    this.bpi = tf.variable(tf.zeros([actions]));
    this.h = tf.zeros([1, units]);
  }

  cell(x, h) {
    const wx = tf.matMul(x, this.W);
    const uh = tf.matMul(h, this.U);
    const pre = tf.add(
      tf.add(tf.mul(this.alpha, tf.mul(wx, uh)), tf.mul(this.beta1, uh)),
      tf.add(tf.mul(this.beta2, wx), this.b),
    );
    return tf.tanh(pre);
  }

  act(obs) {
    const [hNext, action] = tf.tidy(() => {
      const h = this.cell(tf.tensor2d([obs]), this.h);
      const logits = tf.add(tf.matMul(h, this.Wpi), this.bpi);
      return [h, tf.multinomial(logits, 1)];
    });
    this.h.dispose();
    this.h = hNext;
    const a = action.dataSync()[0];
    action.dispose();
    return a;
  }
}

export function evaluate(policy, env, episodes, maxSteps = 50) {
  let returns = 0;
  let successes = 0;
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let ret = 0;
    for (let t = 0; t < maxSteps; t++) {
      const { obs: next, reward, done } = env.step(policy.act(obs));
      ret += reward;
      obs = next;
      if (done) {
        if (reward > 0) successes++;
        break;
      }
    }
    returns += ret;
  }
  return { meanReturn: returns / episodes, successRate: successes / episodes };
}

const env = new TMaze(6);
const policy = new MIRNNPolicy(4, 32, 3);
const stats = evaluate(policy, env, 200);
console.log(`mean return ${stats.meanReturn.toFixed(3)}, success ${(stats.successRate * 100).toFixed(1)}%`);
