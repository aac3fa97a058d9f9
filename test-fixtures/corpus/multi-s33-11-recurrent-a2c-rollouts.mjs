// expect: state-leak, stacked-activation
// Rollout collection for a recurrent actor-critic on a small corridor memory task, ported from a PyTorch recurrent A2C script.
import * as tf from '@tensorflow/tfjs';

const range = (n) => Array.from({ length: n }, (_, i) => i);

class Corridor {
  constructor(length = 8, max_steps = 40) {
    this.length = length;
    this.max_steps = max_steps;
  }

  reset() {
    this.pos = 0;
    this.t = 0;
    this.goal_left = Math.random() < 0.5;
    // the cue is only visible on the first step, so it has to be remembered
    return this.observe(true);
  }

  observe(show_cue) {
    const cue = show_cue ? (this.goal_left ? [1, 0] : [0, 1]) : [0, 0];
    return [...cue, this.pos / this.length, this.pos === this.length ? 1 : 0];
  }

  // actions: 0 = forward, 1 = turn left, 2 = turn right
  step(action) {
    this.t += 1;
    const timeout = this.t >= this.max_steps;
    if (action === 0) {
      this.pos = Math.min(this.pos + 1, this.length);
      return [this.observe(false), -0.01, timeout];
    }
    if (this.pos < this.length) return [this.observe(false), -0.05, timeout];
    const correct = (action === 1) === this.goal_left;
    return [this.observe(false), correct ? 1 : -1, true];
  }
}

class RecurrentActorCritic {
  constructor(obs_size, hidden_size, n_actions) {
    const self = this;
    self.hidden_size = hidden_size;
    self.W_x = tf.variable(tf.randomNormal([obs_size, hidden_size], 0, 0.3));
    self.W_h = tf.variable(tf.randomNormal([hidden_size, hidden_size], 0, 0.3));
    self.b = tf.variable(tf.zeros([hidden_size]));
    self.actor = tf.layers.dense({ units: n_actions, activation: 'softmax', inputShape: [hidden_size] });
    self.critic = tf.layers.dense({ units: 1, inputShape: [hidden_size] });
  }

  init_hidden() {
    return tf.zeros([1, this.hidden_size]);
  }

  forward(obs, hidden) {
    const self = this;
    const h_next = tf.tanh(tf.matMul(obs, self.W_x).add(tf.matMul(hidden, self.W_h)).add(self.b));
    const probs = tf.softmax(self.actor.apply(h_next));
    const value = self.critic.apply(h_next);
    return [probs, value, h_next];
  }
}

function collect_rollouts(env, policy, n_episodes) {
  const episodes = [];
  let hidden = policy.init_hidden();
  for (const ep of range(n_episodes)) {
    let obs = env.reset();
    let done = false;
    let reward;
    const traj = { actions: [], rewards: [], values: [] };
    while (!done) {
      const [probs, value, h_next] = tf.tidy(() => policy.forward(tf.tensor2d([obs]), hidden));
      const action = tf.tidy(() => tf.multinomial(tf.log(probs), 1).dataSync()[0]);
      traj.values.push(value.dataSync()[0]);
      tf.dispose([probs, value, hidden]);
      hidden = h_next;
      [obs, reward, done] = env.step(action);
      traj.actions.push(action);
      traj.rewards.push(reward);
    }
    episodes.push(traj);
  }
  hidden.dispose();
  return episodes;
}

function discounted_returns(rewards, gamma = 0.99) {
  const out = new Array(rewards.length);
  let running = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    running = rewards[t] + gamma * running;
    out[t] = running;
  }
  return out;
}

const env = new Corridor();
const policy = new RecurrentActorCritic(4, 32, 3);
const episodes = collect_rollouts(env, policy, 20);

const returns = episodes.map((ep) => discounted_returns(ep.rewards)[0]);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`episodes=${episodes.length}`);
console.log(`mean return=${mean(returns).toFixed(3)}`);
console.log(`mean length=${mean(episodes.map((ep) => ep.actions.length)).toFixed(1)}`);
console.log(`mean value estimate=${mean(episodes.flatMap((ep) => ep.values)).toFixed(3)}`);
