// Recurrent policies kept in agent objects, reset at the start of every rally.
const tf = require('@tensorflow/tfjs');

function buildPolicy() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 1, 4] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

class Agent {
  constructor(model) { this.model = model; }
  reset() { this.model.resetStates(); }
  act(obs) {
    return tf.tidy(() => this.model.predict(tf.tensor3d([[obs]])).argMax(-1).dataSync()[0]);
  }
}

function playRallies(env, agent, rallies) {
  for (let r = 0; r < rallies; r++) {
    agent.reset();
    let obs = env.reset();
    let done = false;
    while (!done) ({ obs, done } = env.step(agent.act(obs)));
  }
}

function playRalliesDirect(env, agent, rallies) {
  for (let r = 0; r < rallies; r++) {
    agent.model.resetStates();
    let obs = env.reset();
    let done = false;
    while (!done) ({ obs, done } = env.step(agent.act(obs)));
  }
}

// One long match fed in chunks of frames: the state flows from chunk to chunk on purpose.
function streamMatch(agent, chunks) {
  for (const chunk of chunks) {
    for (const obs of chunk) agent.act(obs);
  }
}

module.exports = { agent: new Agent(buildPolicy()), playRallies, playRalliesDirect, streamMatch };
