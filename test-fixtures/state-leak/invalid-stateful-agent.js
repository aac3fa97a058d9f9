// A recurrent policy kept in an agent object plays rally after rally.
const tf = require('@tensorflow/tfjs');

function buildPolicy() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 1, 4] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

class Agent {
  constructor(model) { this.model = model; }
  act(obs) {
    return tf.tidy(() => this.model.predict(tf.tensor3d([[obs]])).argMax(-1).dataSync()[0]);
  }
  playAll(env, rallies) {
    for (let r = 0; r < rallies; r++) {
      let obs = env.reset();
      let done = false;
      while (!done) {
        const out = this.model.predict(tf.tensor3d([[obs]]));
        //          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
        ({ obs, done } = env.step(out.argMax(-1).dataSync()[0]));
      }
    }
  }
}

function playRallies(env, agent, rallies) {
  const scores = [];
  for (let r = 0; r < rallies; r++) {
    let obs = env.reset();
    let done = false;
    let score = 0;
    while (!done) {
      const step = env.step(agent.act(obs));
      //                    ~~~~~~~~~~~~~~ state-leak
      obs = step.obs;
      score += step.reward;
      done = step.done;
    }
    scores.push(score);
  }
  return scores;
}

module.exports = { agent: new Agent(buildPolicy()), playRallies };
