// expect: unused-hidden-state
// Small Elman-RNN policy that plays the "remember the coin" game: see a coin flip, wait, then call it.
const tf = require('@tensorflow/tfjs');

function createPolicy(obsSize, hiddenSize, numActions) {
  const Wx = tf.variable(tf.randomNormal([obsSize, hiddenSize], 0, 0.5));
  const Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.5));
  const b = tf.variable(tf.zeros([hiddenSize]));
  const Wo = tf.variable(tf.randomNormal([hiddenSize, numActions], 0, 0.5));
  const bo = tf.variable(tf.zeros([numActions]));

  function step(x, h) {
    const pre = tf.matMul(x, Wx).add(b);
    pre.add(tf.matMul(h, Wh));
    return tf.tanh(pre);
  }

  function logits(h) {
    return tf.matMul(h, Wo).add(bo);
  }

  return {
    hiddenSize,
    initial() {
      return tf.zeros([1, hiddenSize]);
    },
    act(obs, h) {
      return tf.tidy(() => {
        const hNext = step(tf.tensor2d([obs]), h);
        const action = tf.multinomial(logits(hNext), 1).dataSync()[0];
        return { action, h: tf.keep(hNext) };
      });
    },
    variables: [Wx, Wh, b, Wo, bo],
  };
}

// obs = [coinHeads, coinTails, waiting, mustAnswer]
function makeCoinGame(delay) {
  let coin = 0;
  let t = 0;
  return {
    reset() {
      coin = Math.random() < 0.5 ? 0 : 1;
      t = 0;
      return [coin === 0 ? 1 : 0, coin === 1 ? 1 : 0, 0, 0];
    },
    step(action) {
      t++;
      if (t < delay) return { obs: [0, 0, 1, 0], reward: 0, done: false };
      if (t === delay) return { obs: [0, 0, 0, 1], reward: 0, done: false };
      return { obs: [0, 0, 0, 0], reward: action === coin ? 1 : -1, done: true };
    },
  };
}

function playEpisode(policy, game) {
  let obs = game.reset();
  let h = policy.initial();
  let done = false;
  let total = 0;
  while (!done) {
    const out = policy.act(obs, h);
    h.dispose();
    h = out.h;
    const res = game.step(out.action);
    total += res.reward;
    obs = res.obs;
    done = res.done;
  }
  h.dispose();
  return total;
}

function evaluate(policy, episodes) {
  const game = makeCoinGame(3);
  let score = 0;
  for (let i = 0; i < episodes; i++) score += playEpisode(policy, game);
  return score / episodes;
}

module.exports = { createPolicy, makeCoinGame, playEpisode, evaluate };

if (require.main === module) {
  const policy = createPolicy(4, 12, 2);
  console.log('average score', evaluate(policy, 50).toFixed(3));
  console.log('tensors', tf.memory().numTensors);
}
