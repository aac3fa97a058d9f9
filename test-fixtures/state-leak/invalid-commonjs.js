// The same leaks in CommonJS JavaScript.
const tf = require('@tensorflow/tfjs');

const dim = 6;
const W = tf.variable(tf.randomNormal([3, dim]));
const U = tf.variable(tf.randomNormal([dim, dim]));
const stepFn = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

function summarize(documents) {
  const summaries = [];
  let state = tf.zeros([1, dim]);
  documents.forEach((doc) => {
    for (const token of doc.tokens) {
      state = stepFn(token, state);
//                          ~~~~~ state-leak
    }
    summaries.push(state.arraySync());
  });
  return summaries;
}

// Recurrent policy: the memory of one episode leaks into the next.
function rollout(env, episodes) {
  const returns = [];
  let memory = tf.zeros([1, dim]);
  let ep = 0;
  while (ep < episodes) {
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      memory = stepFn(obs, memory);
//                         ~~~~~~ state-leak
      const r = env.act(memory.argMax(1).dataSync()[0]);
      obs = r.obs;
      done = r.done;
      total += r.reward;
    }
    returns.push(total);
    ep++;
  }
  return returns;
}

// A stateful SimpleRNN reading whole 15-step signals, one signal per iteration.
const model = tf.sequential({
  layers: [
    tf.layers.simpleRNN({ units: 12, stateful: true, batchInputShape: [1, 15, 1] }),
    tf.layers.dense({ units: 2, activation: 'softmax' }),
  ],
});

async function labelSignals(signals) {
  const out = [];
  let i = 0;
  while (i < signals.length) {
    const probs = model.predict(signals[i]);
//                ~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    out.push((await probs.argMax(-1).data())[0]);
    i++;
  }
  return out;
}

module.exports = { summarize, rollout, labelSignals };
