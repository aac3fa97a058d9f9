// expect: state-leak, stacked-activation
// Node rollout worker for a recurrent policy on a toy pole-balancing env: the hidden state is created once before the episode loop and never reset when env.reset() starts a new episode; policyStep() also rectifies the tanh output.
const tf = require('@tensorflow/tfjs');

class PoleEnv {
  constructor(seed = 1) { this.rng = seed; this.reset(); }
  rand() { this.rng = (this.rng * 16807) % 2147483647; return this.rng / 2147483647; }
  reset() {
    this.state = [0, 0, (this.rand() - 0.5) * 0.1, 0];
    this.t = 0;
    return this.state.slice();
  }
  step(action) {
    const [x, v, th, w] = this.state;
    const force = action === 1 ? 10 : -10;
    const acc = (force + 0.05 * w * w * Math.sin(th)) / 1.1;
    const wAcc = (9.8 * Math.sin(th) - Math.cos(th) * acc) / 0.5;
    this.state = [x + 0.02 * v, v + 0.02 * acc, th + 0.02 * w, w + 0.02 * wAcc];
    this.t += 1;
    const done = Math.abs(this.state[2]) > 0.21 || Math.abs(this.state[0]) > 2.4 || this.t >= 500;
    return { obs: this.state.slice(), reward: 1, done };
  }
}

function createPolicy(hidden = 32) {
  const g = (s) => tf.variable(tf.randomNormal(s, 0, 0.1));
  return { hidden, Wx: g([4, hidden]), Wh: g([hidden, hidden]), b: tf.variable(tf.zeros([hidden])), Wa: g([hidden, 2]) };
}

function policyStep(policy, obs, h) {
  return tf.tidy(() => {
    const x = tf.tensor2d([obs]);
    const pre = x.matMul(policy.Wx).add(h.matMul(policy.Wh)).add(policy.b);
    const squashed = pre.tanh();
    const hNew = squashed.relu();
    const logits = hNew.matMul(policy.Wa);
    const action = tf.multinomial(logits.squeeze(), 1).dataSync()[0];
    return { action, h: hNew };
  });
}

async function collect(policy, episodes, log = console.log) {
  const env = new PoleEnv(42);
  const trajectories = [];
  let h = tf.zeros([1, policy.hidden]);
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    const traj = { obs: [], actions: [], rewards: [] };
    let done = false;
    while (!done) {
      const out = policyStep(policy, obs, h);
      h.dispose();
      h = out.h;
      const res = env.step(out.action);
      traj.obs.push(obs);
      traj.actions.push(out.action);
      traj.rewards.push(res.reward);
      obs = res.obs;
      done = res.done;
    }
    trajectories.push(traj);
    if (ep % 10 === 0) log(`episode ${ep}: length ${traj.rewards.length}, tensors ${tf.memory().numTensors}`);
    await tf.nextFrame();
  }
  h.dispose();
  return trajectories;
}

if (require.main === module) {
  const policy = createPolicy();
  collect(policy, 100).then((trajs) => {
    const mean = trajs.reduce((a, t) => a + t.rewards.length, 0) / trajs.length;
    console.log(`mean episode length ${mean.toFixed(1)}`);
    require('fs').writeFileSync('rollouts.json', JSON.stringify(trajs));
  });
}

module.exports = { createPolicy, policyStep, collect, PoleEnv };
