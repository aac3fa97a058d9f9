// expect: state-leak
// evolution-strategies search for a tiny recurrent policy on the cue-recall task (port of the ES notebook)
const tf = require('@tensorflow/tfjs');

const obs_dim = 3;
const hid = 8;
const n_actions = 2;
const delay = 4;

class CueEnv {
  reset() {
    this.t = 0;
    this.cue = Math.random() < 0.5 ? 0 : 1;
    return this.observe();
  }
  observe() {
    if (this.t === 0) return [this.cue === 0 ? 1 : -1, 0, 0];
    if (this.t === delay) return [0, 1, 0];
    return [0, 0, 1];
  }
  step(action) {
    const done = this.t === delay;
    const reward = done ? (action === this.cue ? 1 : -1) : 0;
    this.t += 1;
    return { obs: done ? null : this.observe(), reward, done };
  }
}

class RecurrentPolicy {
  constructor(theta) {
    this.theta = theta; // { W: [obs, hid], U: [hid, hid], V: [hid, actions] }
    this.h = tf.zeros([1, hid]);
  }
  act(obs) {
    const next = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const h_new = tf.tanh(tf.add(tf.matMul(x, this.theta.W), tf.matMul(this.h, this.theta.U)));
      return { h_new, probs: tf.softmax(tf.matMul(h_new, this.theta.V)) };
    });
    this.h.dispose();
    this.h = next.h_new;
    const p = next.probs.dataSync();
    next.probs.dispose();
    return p[1] > p[0] ? 1 : 0; // greedy during ES evaluation
  }
  dispose() {
    this.h.dispose();
  }
}

function episode_return(policy, env) {
  let obs = env.reset();
  let total = 0;
  for (;;) {
    const a = policy.act(obs);
    const { obs: next, reward, done } = env.step(a);
    total += reward;
    if (done) return total;
    obs = next;
  }
}

function evaluate(theta, n_episodes) {
  const policy = new RecurrentPolicy(theta);
  const env = new CueEnv();
  let sum = 0;
  for (let ep = 0; ep < n_episodes; ep++) sum += episode_return(policy, env);
  policy.dispose();
  return sum / n_episodes;
}

const shapes = { W: [obs_dim, hid], U: [hid, hid], V: [hid, n_actions] };
const keys = Object.keys(shapes);

function perturb(theta, noise, scale) {
  const out = {};
  keys.forEach((k) => { out[k] = tf.tidy(() => tf.add(theta[k], tf.mul(noise[k], scale))); });
  return out;
}

function es_search(generations, pop, sigma, lr) {
  let theta = {};
  keys.forEach((k) => { theta[k] = tf.randomNormal(shapes[k], 0, 0.5); });
  for (let g = 0; g < generations; g++) {
    const grad = {};
    keys.forEach((k) => { grad[k] = tf.zeros(shapes[k]); });
    let mean_r = 0;
    for (let i = 0; i < pop; i++) {
      const noise = {};
      keys.forEach((k) => { noise[k] = tf.randomNormal(shapes[k]); });
      const plus = perturb(theta, noise, sigma);
      const minus = perturb(theta, noise, -sigma);
      const r_plus = evaluate(plus, 20);
      const r_minus = evaluate(minus, 20);
      mean_r += (r_plus + r_minus) / (2 * pop);
      keys.forEach((k) => {
        const upd = tf.tidy(() => tf.add(grad[k], tf.mul(noise[k], r_plus - r_minus)));
        grad[k].dispose();
        grad[k] = upd;
      });
      tf.dispose([noise, plus, minus]);
    }
    const next = {};
    keys.forEach((k) => { next[k] = tf.tidy(() => tf.add(theta[k], tf.mul(grad[k], lr / (2 * pop * sigma)))); });
    tf.dispose([theta, grad]);
    theta = next;
    if (g % 5 === 0) console.log(`gen ${g} mean return ${mean_r.toFixed(3)}`);
  }
  return theta;
}

const theta = es_search(20, 8, 0.1, 0.05);
console.log('final mean return (200 episodes):', evaluate(theta, 200).toFixed(3));
console.log('tensors alive:', tf.memory().numTensors);
