// expect: state-leak
// Observable cells: a recurrent policy rolling out episodes in a toy corridor world, returns tabulated per episode.
import * as tf from '@tensorflow/tfjs';

// --- cell: deterministic rng ---
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(1234);

// --- cell: environment ---
class Corridor {
  constructor(length = 4, maxSteps = 12) {
    this.length = length;
    this.maxSteps = maxSteps;
    this.reset();
  }
  reset() {
    this.pos = 0;
    this.t = 0;
    return this.observe();
  }
  observe() {
    return [this.pos / this.length, this.t / this.maxSteps, this.pos === 0 ? 1 : 0];
  }
  step(action) {
    this.pos = Math.max(0, Math.min(this.length - 1, this.pos + (action === 1 ? 1 : -1)));
    this.t += 1;
    const atGoal = this.pos === this.length - 1;
    const done = atGoal || this.t >= this.maxSteps;
    return { obs: this.observe(), reward: atGoal ? 1 : -0.05, done };
  }
}

// --- cell: policy ---
class RecurrentPolicy {
  constructor(obsDim, units, nActions, seed) {
    this.Wx = tf.randomNormal([obsDim, units], 0, 0.8, 'float32', seed);
    this.Wh = tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1);
    this.Wa = tf.randomNormal([units, nActions], 0, 0.3, 'float32', seed + 2);
    this.h = tf.zeros([1, units]);
  }
  act(obs) {
    const [hNext, probs] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const hNew = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(this.h, this.Wh)));
      return [hNew, tf.softmax(tf.matMul(hNew, this.Wa))];
    });
    this.h.dispose();
    this.h = hNext;
    const p = probs.dataSync();
    probs.dispose();
    let r = rand();
    for (let a = 0; a < p.length; a++) {
      r -= p[a];
      if (r <= 0) return a;
    }
    return p.length - 1;
  }
}

// --- cell: rollouts ---
const env = new Corridor();
const policy = new RecurrentPolicy(3, 8, 2, 77);

async function rollouts(episodes) {
  const table = [];
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let ret = 0;
    let steps = 0;
    while (!done) {
      const action = policy.act(obs);
      const res = env.step(action);
      obs = res.obs;
      done = res.done;
      ret += res.reward;
      steps += 1;
    }
    table.push({ ep, steps, ret: +ret.toFixed(2) });
    await tf.nextFrame();
  }
  return table;
}

console.table(await rollouts(6));
console.log('tensors alive:', tf.memory().numTensors);
