// A policy from elsewhere (its `act` is not in this file): the loop feeds the state it returns back.
const tf = require('@tensorflow/tfjs');

function evaluate(policy, env, episodes) {
  const returns = [];
  let hidden = policy.initialState();
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let ret = 0;
    while (!done) {
      const { action, h } = policy.act(obs, hidden);
//                                          ~~~~~~ state-leak
      tf.dispose(hidden);
      hidden = h;
      const res = env.step(action);
      obs = res.obs;
      done = res.done;
      ret += res.reward;
    }
    returns.push(ret);
  }
  return returns;
}

// Reset at the start of every episode: fine.
function evaluateReset(policy, env, episodes) {
  const returns = [];
  for (let ep = 0; ep < episodes; ep++) {
    let hidden = policy.initialState();
    let obs = env.reset();
    let done = false;
    while (!done) {
      const { action, h } = policy.act(obs, hidden);
      hidden = h;
      const res = env.step(action);
      obs = res.obs;
      done = res.done;
    }
    returns.push(obs);
  }
  return returns;
}

module.exports = { evaluate, evaluateReset };
