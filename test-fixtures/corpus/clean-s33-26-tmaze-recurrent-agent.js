// expect: none
// Recurrent policy evaluation on a T-maze memory task; the agent object keeps its GRU state across the steps of an episode.
const tf = require('@tensorflow/tfjs');

const range = (n) => [...Array(n).keys()];

class TMaze {
  constructor(corridor_length, max_steps = 30) {
    this.corridor_length = corridor_length;
    this.max_steps = max_steps;
  }

  // obs = [cue_left, cue_right, at_junction]; the cue is shown only at t = 0
  reset() {
    this.pos = 0;
    this.t = 0;
    this.goal = Math.random() < 0.5 ? 1 : 2;
    return [this.goal === 1 ? 1 : 0, this.goal === 2 ? 1 : 0, 0];
  }

  // actions: 0 = forward, 1 = turn left, 2 = turn right
  step(action) {
    this.t += 1;
    const timeout = this.t >= this.max_steps;
    const at_junction = this.pos === this.corridor_length;
    if (!at_junction || action === 0) {
      if (action === 0 && !at_junction) this.pos += 1;
      return [[0, 0, this.pos === this.corridor_length ? 1 : 0], -0.01, timeout];
    }
    return [[0, 0, 1], action === this.goal ? 1 : -1, true];
  }
}

class RecurrentAgent {
  constructor(obs_size, hidden_size, n_actions) {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.2));
    self.hidden_size = hidden_size;
    self.fc_in_w = init([obs_size, hidden_size]);
    self.fc_in_b = tf.variable(tf.zeros([hidden_size]));
    self.W = init([hidden_size, 3 * hidden_size]);
    self.U = init([hidden_size, 3 * hidden_size]);
    self.pi_w = init([hidden_size, n_actions]);
    self.pi_b = tf.variable(tf.zeros([n_actions]));
    self.hidden = null;
  }

  init_hidden() {
    return tf.zeros([1, this.hidden_size]);
  }

  reset() {
    if (this.hidden) this.hidden.dispose();
    this.hidden = this.init_hidden();
  }

  forward(obs, hidden) {
    const self = this;
    const x = tf.relu(tf.matMul(obs, self.fc_in_w).add(self.fc_in_b));
    const [xr, xz, xn] = tf.split(tf.matMul(x, self.W), 3, 1);
    const [hr, hz, hn] = tf.split(tf.matMul(hidden, self.U), 3, 1);
    const r = tf.sigmoid(xr.add(hr));
    const z = tf.sigmoid(xz.add(hz));
    const n = tf.tanh(xn.add(r.mul(hn)));
    const h_next = tf.sub(1, z).mul(n).add(z.mul(hidden));
    const logits = tf.matMul(h_next, self.pi_w).add(self.pi_b);
    return [logits, h_next];
  }

  act(obs, greedy = false) {
    const self = this;
    return tf.tidy(() => {
      const [logits, h_next] = self.forward(tf.tensor2d([obs]), self.hidden);
      self.hidden.dispose();
      self.hidden = tf.keep(h_next);
      const action = greedy ? logits.argMax(1) : tf.multinomial(logits, 1);
      return action.dataSync()[0];
    });
  }
}

function run_episode(env, agent, greedy) {
  agent.reset();
  let obs = env.reset();
  let done = false;
  let reward;
  let ep_return = 0;
  while (!done) {
    const action = agent.act(obs, greedy);
    [obs, reward, done] = env.step(action);
    ep_return += reward;
  }
  return ep_return;
}

const env = new TMaze(6);
const agent = new RecurrentAgent(3, 32, 3);

for (const greedy of [false, true]) {
  const returns = range(50).map(() => run_episode(env, agent, greedy));
  const success = returns.filter((r) => r > 0).length / returns.length;
  const mean_return = returns.reduce((a, b) => a + b, 0) / returns.length;
  console.log(`${greedy ? 'greedy ' : 'sampled'} policy: success ${(success * 100).toFixed(0)}%, mean return ${mean_return.toFixed(3)}`);
}
console.log('tensors alive:', tf.memory().numTensors);
