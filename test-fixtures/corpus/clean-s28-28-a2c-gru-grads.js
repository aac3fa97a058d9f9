// expect: none
// A2C with a hand-written GRU core for the "two-armed bandit with switching arms" task; one update per episode.
const tf = require('@tensorflow/tfjs');

const HIDDEN = 16;

function initParams(inputSize, nActions) {
  const g = (r, c) => tf.variable(tf.randomNormal([r, c], 0, Math.sqrt(1 / r)));
  return {
    Wg: g(inputSize, 2 * HIDDEN), Ug: g(HIDDEN, 2 * HIDDEN), bg: tf.variable(tf.zeros([2 * HIDDEN])),
    Wc: g(inputSize, HIDDEN), Uc: g(HIDDEN, HIDDEN), bc: tf.variable(tf.zeros([HIDDEN])),
    Wpi: g(HIDDEN, nActions), bpi: tf.variable(tf.zeros([nActions])),
    Wv: g(HIDDEN, 1),
  };
}

function gruCell(p, x, h) {
  const gates = tf.sigmoid(x.matMul(p.Wg).add(h.matMul(p.Ug)).add(p.bg));
  const [update, reset] = tf.split(gates, 2, 1);
  const candidate = tf.tanh(x.matMul(p.Wc).add(reset.mul(h).matMul(p.Uc)).add(p.bc));
  return update.mul(h).add(tf.sub(1, update).mul(candidate));
}

function policy(p, h) {
  return tf.softmax(h.matMul(p.Wpi).add(p.bpi));
}

// input at step t: one-hot previous action + previous reward (the usual meta-RL trick)
function makeBandit(switchEvery) {
  let good = 0;
  let t = 0;
  return {
    reset() { good = Math.random() < 0.5 ? 0 : 1; t = 0; return [0, 0, 0]; },
    pull(a) {
      t += 1;
      if (t % switchEvery === 0) good = 1 - good;
      const reward = Math.random() < (a === good ? 0.8 : 0.2) ? 1 : 0;
      return { obs: [a === 0 ? 1 : 0, a === 1 ? 1 : 0, reward], reward };
    },
  };
}

function playEpisode(p, bandit, steps) {
  return tf.tidy(() => {
    const inputs = [];
    const actions = [];
    const rewards = [];
    let h = tf.zeros([1, HIDDEN]);
    let obs = bandit.reset();
    for (let t = 0; t < steps; t++) {
      h = gruCell(p, tf.tensor2d([obs]), h);
      const probs = policy(p, h).dataSync();
      const a = Math.random() < probs[0] ? 0 : 1;
      inputs.push(obs);
      const res = bandit.pull(a);
      actions.push(a);
      rewards.push(res.reward);
      obs = res.obs;
    }
    return { inputs, actions, rewards };
  });
}

function update(p, optimizer, ep, gamma = 0.9) {
  const returns = new Array(ep.rewards.length);
  let g = 0;
  for (let t = ep.rewards.length - 1; t >= 0; t--) returns[t] = g = ep.rewards[t] + gamma * g;
  const { value, grads } = tf.variableGrads(() => {
    let h = tf.zeros([1, HIDDEN]);
    let total = tf.scalar(0);
    ep.inputs.forEach((obs, t) => {
      h = gruCell(p, tf.tensor2d([obs]), h);
      const v = h.matMul(p.Wv).reshape([]);
      const adv = tf.scalar(returns[t]).sub(v);
      const logp = tf.log(policy(p, h).reshape([-1]).gather(ep.actions[t]).add(1e-8));
      const entropyBonus = policy(p, h).mul(tf.log(policy(p, h).add(1e-8))).sum();
      total = total.sub(logp.mul(tf.tensor(adv.dataSync()[0]))).add(adv.square().mul(0.5)).add(entropyBonus.mul(0.01));
    });
    return total.div(ep.inputs.length);
  });
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([value, grads]);
  return loss;
}

function train(iterations = 20, steps = 20) {
  const p = initParams(3, 2);
  const optimizer = tf.train.adam(1e-2);
  const bandit = makeBandit(10);
  const history = [];
  for (let i = 0; i < iterations; i++) {
    const ep = playEpisode(p, bandit, steps);
    const loss = update(p, optimizer, ep);
    history.push({ loss, reward: ep.rewards.reduce((a, b) => a + b, 0) / steps });
  }
  return { p, history };
}

module.exports = { initParams, gruCell, policy, makeBandit, playEpisode, update, train };

if (require.main === module) {
  const { history } = train();
  history.filter((_, i) => i % 5 === 0).forEach((hst, i) => console.log(i * 5, hst.loss.toFixed(3), hst.reward.toFixed(2)));
  console.log('tensors', tf.memory().numTensors);
}
