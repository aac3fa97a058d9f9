// expect: state-leak
// Evaluates a trained recurrent policy on a maze environment for many episodes and reports the success rate.
const tf = require('@tensorflow/tfjs');

class Maze {
  constructor(size, seed) {
    this.size = size;
    this.rng = mulberry32(seed);
  }
  reset() {
    this.pos = [0, 0];
    this.goal = [Math.floor(this.rng() * this.size), this.size - 1];
    this.t = 0;
    return this.observe();
  }
  observe() {
    // only the 4 neighbouring cells plus a "goal is left/right" hint are visible
    const [r, c] = this.pos;
    const wall = (rr, cc) => (rr < 0 || cc < 0 || rr >= this.size || cc >= this.size ? 1 : 0);
    return [wall(r - 1, c), wall(r + 1, c), wall(r, c - 1), wall(r, c + 1), Math.sign(this.goal[0] - r)];
  }
  step(a) {
    const moves = [[-1, 0], [1, 0], [0, -1], [0, 1]];
    const [dr, dc] = moves[a];
    const r = Math.min(this.size - 1, Math.max(0, this.pos[0] + dr));
    const c = Math.min(this.size - 1, Math.max(0, this.pos[1] + dc));
    this.pos = [r, c];
    this.t++;
    const reached = r === this.goal[0] && c === this.goal[1];
    return { obs: this.observe(), reward: reached ? 1 : -0.01, done: reached || this.t >= 4 * this.size };
  }
}

function mulberry32(a) {
  return function () {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class RecurrentAgent {
  constructor(weights) {
    this.Wx = tf.tensor2d(weights.Wx);
    this.Wh = tf.tensor2d(weights.Wh);
    this.b = tf.tensor1d(weights.b);
    this.Wpi = tf.tensor2d(weights.Wpi);
    this.hx = tf.zeros([1, weights.Wh.length]);
  }

  act(obs, greedy = true) {
    const [logits, hx] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const h = tf.tanh(tf.addN([tf.matMul(x, this.Wx), tf.matMul(this.hx, this.Wh), this.b]));
      return [tf.matMul(h, this.Wpi), h];
    });
    this.hx.dispose();
    this.hx = hx;
    const action = tf.tidy(() =>
      greedy ? logits.argMax(-1).dataSync()[0] : tf.multinomial(logits, 1).dataSync()[0]);
    logits.dispose();
    return action;
  }
}

async function evaluate({ weightsUrl, episodes = 200, size = 7, greedy = true }) {
  const weights = await (await fetch(weightsUrl)).json();
  const agent = new RecurrentAgent(weights);
  const env = new Maze(size, 1234);
  let successes = 0;
  let totalSteps = 0;
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let reward = 0;
    while (!done) {
      const a = agent.act(obs, greedy);
      ({ obs, reward, done } = env.step(a));
      totalSteps++;
    }
    if (reward > 0) successes++;
    if (ep % 20 === 0) await tf.nextFrame();
  }
  return { successRate: successes / episodes, meanSteps: totalSteps / episodes };
}

document.getElementById('run-eval').addEventListener('click', async () => {
  const out = document.getElementById('eval-result');
  out.textContent = 'running...';
  const res = await evaluate({ weightsUrl: 'policy/maze-gru.json', greedy: true });
  out.textContent = `success ${(res.successRate * 100).toFixed(1)}%, ${res.meanSteps.toFixed(1)} steps/episode`;
});

module.exports = { evaluate, RecurrentAgent, Maze };
