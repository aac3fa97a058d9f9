// expect: none
// A REINFORCE agent with a recurrent policy plays a partially observable cart task; memory restarts every episode and the whole episode is re-unrolled for the update.
const tf = require('@tensorflow/tfjs');

class RecurrentPolicy {
  constructor(obsDim, nActions, units = 32) {
    this.units = units;
    this.nActions = nActions;
    this.W = tf.variable(tf.randomNormal([obsDim, units], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
    this.b = tf.variable(tf.zeros([units]));
    this.Wpi = tf.variable(tf.randomNormal([units, nActions], 0, 0.1));
  }

  initialState() {
    return tf.zeros([1, this.units]);
  }

  step(obs, memory) {
    const x = tf.tensor2d([obs]);
    const next = tf.tanh(tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(memory, this.U)), this.b));
    return { logits: tf.matMul(next, this.Wpi), memory: next };
  }
}

function discounted(rewards, gamma) {
  const out = new Array(rewards.length);
  let run = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    run = rewards[t] + gamma * run;
    out[t] = run;
  }
  return out;
}

async function trainAgent(policy, env, episodes, gamma = 0.99) {
  const optimizer = tf.train.adam(1e-2);
  for (let ep = 0; ep < episodes; ep++) {
    let memory = policy.initialState();
    let obs = env.reset();
    const observations = [];
    const actions = [];
    const rewards = [];

    while (true) {
      const { action, next } = tf.tidy(() => {
        const out = policy.step(obs, memory);
        return { action: tf.multinomial(out.logits, 1).squeeze(), next: out.memory };
      });
      memory.dispose();
      memory = next;
      const a = (await action.data())[0];
      action.dispose();
      observations.push(obs);
      actions.push(a);
      const res = env.step(a);
      rewards.push(res.reward);
      obs = res.obs;
      if (res.done) break;
    }
    memory.dispose();

    const returns = discounted(rewards, gamma);
    optimizer.minimize(() => {
      let m = policy.initialState();
      const terms = [];
      for (let t = 0; t < observations.length; t++) {
        const out = policy.step(observations[t], m);
        m = out.memory;
        const logp = tf.logSoftmax(out.logits).gather([actions[t]], 1);
        terms.push(tf.mul(logp, -returns[t]));
      }
      return tf.mean(tf.concat(terms));
    });

    if (ep % 10 === 0) console.log(`episode ${ep}: return ${returns[0].toFixed(1)}`);
  }
}

module.exports = { RecurrentPolicy, trainAgent };
