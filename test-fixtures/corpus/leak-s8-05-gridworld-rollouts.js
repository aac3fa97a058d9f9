// expect: state-leak
// Evaluates a recurrent (GRU) policy on a partially observable grid world for several episodes and reports the mean return.
const tf = require('@tensorflow/tfjs');

class GridWorld {
  constructor(size, seed) {
    this.size = size;
    this.rng = seed;
  }
  rand() {
    this.rng = (this.rng * 16807) % 2147483647;
    return this.rng / 2147483647;
  }
  reset() {
    this.agent = [0, 0];
    this.goal = [Math.floor(this.rand() * this.size), Math.floor(this.rand() * this.size)];
    this.t = 0;
    return this.observe();
  }
  observe() {
    // the agent only sees whether each neighbouring cell is inside the grid, plus a noisy goal hint
    const [x, y] = this.agent;
    const hint = this.rand() < 0.3 ? Math.sign(this.goal[0] - x) : 0;
    return [x > 0 ? 1 : 0, x < this.size - 1 ? 1 : 0, y > 0 ? 1 : 0, y < this.size - 1 ? 1 : 0, hint];
  }
  step(action) {
    const moves = [[-1, 0], [1, 0], [0, -1], [0, 1]];
    const [dx, dy] = moves[action];
    this.agent = [
      Math.min(this.size - 1, Math.max(0, this.agent[0] + dx)),
      Math.min(this.size - 1, Math.max(0, this.agent[1] + dy)),
    ];
    this.t += 1;
    const reached = this.agent[0] === this.goal[0] && this.agent[1] === this.goal[1];
    return { obs: this.observe(), reward: reached ? 1 : -0.01, done: reached || this.t >= 50 };
  }
}

function makePolicy(obsDim, units, numActions) {
  const cell = {
    Wz: tf.randomNormal([obsDim + units, units], 0, 0.2),
    Wr: tf.randomNormal([obsDim + units, units], 0, 0.2),
    Wc: tf.randomNormal([obsDim + units, units], 0, 0.2),
    Wpi: tf.randomNormal([units, numActions], 0, 0.2),
  };
  return {
    units,
    initialState() {
      return tf.zeros([1, units]);
    },
    act(obs, h) {
      return tf.tidy(() => {
        const x = tf.tensor2d([obs]);
        const xh = tf.concat([x, h], 1);
        const z = tf.sigmoid(xh.matMul(cell.Wz));
        const r = tf.sigmoid(xh.matMul(cell.Wr));
        const cand = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(cell.Wc));
        const hNew = z.mul(h).add(tf.scalar(1).sub(z).mul(cand));
        const action = tf.multinomial(hNew.matMul(cell.Wpi), 1).squeeze();
        return { action, h: hNew };
      });
    },
  };
}

function evaluate(policy, env, episodes) {
  const returns = [];
  let hidden = policy.initialState();
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let ret = 0;
    while (!done) {
      const { action, h } = policy.act(obs, hidden);
      hidden.dispose();
      hidden = h;
      const a = action.dataSync()[0];
      action.dispose();
      const res = env.step(a);
      obs = res.obs;
      done = res.done;
      ret += res.reward;
    }
    returns.push(ret);
  }
  hidden.dispose();
  return returns.reduce((s, r) => s + r, 0) / returns.length;
}

const policy = makePolicy(5, 24, 4);
const env = new GridWorld(6, 12345);
console.log('mean return over 20 episodes:', evaluate(policy, env, 20).toFixed(3));
