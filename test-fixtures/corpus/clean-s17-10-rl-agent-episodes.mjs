// expect: none
// Recurrent REINFORCE-style agent for a partially observable corridor game; runs whole episodes.
import * as tf from '@tensorflow/tfjs';

export class Corridor {
  constructor(length = 6, seed = 1) {
    this.length = length;
    this.seed = seed;
  }
  reset() {
    this.pos = 0;
    this.t = 0;
    this.goalLeft = (this.seed++ % 2) === 0;
    return [this.goalLeft ? 1 : -1, 0];
  }
  step(action) {
    this.t += 1;
    this.pos += action === 1 ? 1 : -1;
    const done = Math.abs(this.pos) >= this.length || this.t >= 20;
    const reward = done && (this.pos < 0) === this.goalLeft ? 1 : 0;
    return { obs: [0, this.pos / this.length], reward, done };
  }
}

export class RecurrentAgent {
  constructor(obsDim, units) {
    this.units = units;
    this.wx = tf.variable(tf.randomNormal([obsDim, units], 0, 0.5, 'float32', 3));
    this.wh = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', 4));
    this.wp = tf.variable(tf.randomNormal([units, 2], 0, 0.5, 'float32', 5));
    this.h = null;
  }

  beginEpisode() {
    if (this.h) this.h.dispose();
    this.h = tf.zeros([1, this.units]);
  }

  act(obs) {
    const [probs, hNext] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const h = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(this.h, this.wh)));
      return [tf.softmax(tf.matMul(h, this.wp)), h];
    });
    this.h.dispose();
    this.h = hNext;
    const p = probs.dataSync();
    probs.dispose();
    return p[1] > 0.5 ? 1 : 0;
  }

  endEpisode() {
    if (this.h) {
      this.h.dispose();
      this.h = null;
    }
  }
}

export function runEpisode(env, agent) {
  let obs = env.reset();
  agent.beginEpisode();
  let total = 0;
  const actions = [];
  for (;;) {
    const a = agent.act(obs);
    actions.push(a);
    const { obs: next, reward, done } = env.step(a);
    total += reward;
    obs = next;
    if (done) break;
  }
  agent.endEpisode();
  return { total, actions };
}

export function evaluate(episodes = 10) {
  const env = new Corridor();
  const agent = new RecurrentAgent(2, 8);
  const returns = [];
  for (let ep = 0; ep < episodes; ep++) {
    returns.push(runEpisode(env, agent).total);
  }
  return returns;
}
