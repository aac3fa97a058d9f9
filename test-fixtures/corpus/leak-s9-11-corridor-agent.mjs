// expect: state-leak
// corridor memory game: the goal side is only shown on the first frame, a small recurrent policy has to remember it
import * as tf from '@tensorflow/tfjs';

const OBS = 3;
const HID = 8;
const N_ACTIONS = 2;
let totalSteps = 0;

export class Corridor {
  constructor(len = 6) {
    this.len = len;
    this.reset();
  }
  reset() {
    this.pos = 0;
    this.t = 0;
    this.goal = Math.random() < 0.5 ? -1 : 1;
    return [this.goal, 0, 0];
  }
  step(action) {
    this.pos += action === 0 ? -1 : 1;
    this.t++;
    totalSteps++;
    const done = Math.abs(this.pos) >= this.len || this.t >= 20;
    let reward = 0;
    if (Math.abs(this.pos) >= this.len) reward = Math.sign(this.pos) === this.goal ? 1 : -1;
    // after the first frame the goal is hidden
    return { obs: [0, this.pos / this.len, this.t / 20], reward, done };
  }
}

export class RecurrentAgent {
  constructor() {
    this.W = tf.randomNormal([OBS, HID], 0, 0.8);
    this.U = tf.randomNormal([HID, HID], 0, 0.5);
    this.b = tf.zeros([HID]);
    this.V = tf.randomNormal([HID, N_ACTIONS], 0, 0.8);
    this.h = tf.zeros([1, HID]);
    this.greedy = false;
  }

  act(obs) {
    const [hNew, probs] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const h = tf.tanh(x.matMul(this.W).add(this.h.matMul(this.U)).add(this.b));
      return [h, tf.softmax(h.matMul(this.V))];
    });
    this.h.dispose();
    this.h = hNew;
    const p = probs.dataSync();
    probs.dispose();
    if (this.greedy) return p[0] > p[1] ? 0 : 1;
    return Math.random() < p[0] ? 0 : 1;
  }

  hiddenNorm() {
    return tf.tidy(() => this.h.norm().dataSync()[0]);
  }
}

export async function runEpisode(agent, env, log) {
  let obs = env.reset();
  let total = 0;
  let done = false;
  if (log) log(agent);
  while (!done) {
    const a = agent.act(obs);
    const r = env.step(a);
    obs = r.obs;
    total += r.reward;
    done = r.done;
  }
  await tf.nextFrame();
  return total;
}

export async function evaluate(agent, episodes = 20, log) {
  const env = new Corridor();
  let wins = 0;
  let score = 0;
  for (let ep = 0; ep < episodes; ep++) {
    const ret = await runEpisode(agent, env, log);
    score += ret;
    if (ret > 0) wins++;
  }
  return { score, wins };
}

async function main() {
  const agent = new RecurrentAgent();
  agent.greedy = true;
  const res = await evaluate(agent, 30, (a) => console.log('  episode start, |h| =', a.hiddenNorm().toFixed(3)));
  console.log(`wins ${res.wins}/30  score ${res.score}  steps ${totalSteps}  tensors ${tf.memory().numTensors}`);
}

if (process.argv[1] && process.argv[1].includes('corridor-agent')) main();
