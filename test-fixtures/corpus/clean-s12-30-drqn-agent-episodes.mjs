// expect: none
// DRQN-style agent for a memory game: the LSTM state lives on the agent and is cleared when every new episode begins.
import * as tf from '@tensorflow/tfjs';

class CueGame {
  reset() {
    this.t = 0;
    this.cue = Math.random() < 0.5 ? 0 : 1;
    return [1, this.cue === 0 ? -1 : 1]; // cue only visible at t = 0
  }
  step(action) {
    this.t += 1;
    const done = this.t >= 4;
    const reward = done ? (action === this.cue ? 1 : -1) : 0;
    return { obs: [0, 0], reward, done };
  }
}

export class DRQNAgent {
  constructor(obsDim = 2, units = 12, nActions = 2) {
    this.units = units;
    this.lstm = tf.layers.lstm({ units, returnState: true });
    this.qHead = tf.layers.dense({ units: nActions });
    this.obsDim = obsDim;
    this.h = null;
    this.c = null;
    this.resetState();
  }

  resetState() {
    tf.dispose([this.h, this.c].filter((t) => t !== null));
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  // forward(obs, (h, c)) -> q values, new (h, c)
  act(obs, epsilon = 0) {
    const [q, h, c] = tf.tidy(() => {
      const x = tf.tensor3d([[obs]]);
      const [out, hNew, cNew] = this.lstm.apply(x, { initialState: [this.h, this.c] });
      return [this.qHead.apply(out), hNew, cNew];
    });
    tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
    const greedy = tf.tidy(() => q.argMax(1).dataSync()[0]);
    q.dispose();
    return Math.random() < epsilon ? Math.floor(Math.random() * 2) : greedy;
  }
}

export async function runEpisodes(agent, nEpisodes = 10) {
  const env = new CueGame();
  const returns = [];
  for (let ep = 0; ep < nEpisodes; ep++) {
    agent.resetState();
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      const action = agent.act(obs, 0.1);
      const res = env.step(action);
      obs = res.obs;
      total += res.reward;
      done = res.done;
    }
    returns.push(total);
    await tf.nextFrame();
  }
  return returns;
}

export async function main() {
  const agent = new DRQNAgent();
  const before = tf.memory().numTensors;
  const returns = await runEpisodes(agent, 12);
  console.log('returns', returns.join(' '), 'mean', (returns.reduce((a, b) => a + b, 0) / returns.length).toFixed(2));
  console.log('tensor delta', tf.memory().numTensors - before);
}

main();
