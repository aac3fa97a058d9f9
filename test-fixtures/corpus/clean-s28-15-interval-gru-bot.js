// expect: none
// Arcade bot: a GRU controller is ticked from setInterval and steers a ship dodging falling rocks.
const tf = require('@tensorflow/tfjs');

const H = 24;

function gruParams(inputSize) {
  const mk = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
  return {
    Wz: mk(inputSize, H), Uz: mk(H, H),
    Wr: mk(inputSize, H), Ur: mk(H, H),
    Wn: mk(inputSize, H), Un: mk(H, H),
    Wout: mk(H, 3),
  };
}

function gruStep(p, x, h) {
  const z = tf.sigmoid(tf.matMul(x, p.Wz).add(tf.matMul(h, p.Uz)));
  const r = tf.sigmoid(tf.matMul(x, p.Wr).add(tf.matMul(h, p.Ur)));
  const n = tf.tanh(tf.matMul(x, p.Wn).add(tf.matMul(r.mul(h), p.Un)));
  // keep a fraction z of the old state, take (1 - z) of the candidate
  return z.mul(h).add(tf.scalar(1).sub(z).mul(n));
}

function createBot(params) {
  let h = tf.zeros([1, H]);
  return {
    decide(obs) {
      const [hNext, action] = tf.tidy(() => {
        const next = gruStep(params, tf.tensor2d([obs]), h);
        return [next, tf.argMax(tf.matMul(next, params.Wout), 1)];
      });
      h.dispose();
      h = hNext;
      const a = action.dataSync()[0];
      action.dispose();
      return a - 1; // -1 left, 0 stay, +1 right
    },
    newLife() {
      h.dispose();
      h = tf.zeros([1, H]);
    },
  };
}

function createGame(width) {
  const state = { ship: Math.floor(width / 2), rocks: [], alive: true, score: 0 };
  return {
    state,
    observe() {
      const row = new Array(width).fill(0);
      for (const r of state.rocks) if (r.y <= 2) row[r.x] = 1;
      return [...row, state.ship / width];
    },
    advance(move) {
      state.ship = Math.max(0, Math.min(width - 1, state.ship + move));
      if (Math.random() < 0.4) state.rocks.push({ x: Math.floor(Math.random() * width), y: 5 });
      for (const r of state.rocks) r.y -= 1;
      if (state.rocks.some((r) => r.y === 0 && r.x === state.ship)) state.alive = false;
      state.rocks = state.rocks.filter((r) => r.y > 0);
      state.score += 1;
    },
    restart() {
      state.ship = Math.floor(width / 2);
      state.rocks = [];
      state.alive = true;
      state.score = 0;
    },
  };
}

function run({ width = 7, tickMs = 5, maxTicks = 200 } = {}) {
  return new Promise((resolve) => {
    const bot = createBot(gruParams(width + 1));
    const game = createGame(width);
    const lives = [];
    let ticks = 0;
    const timer = setInterval(() => {
      game.advance(bot.decide(game.observe()));
      if (!game.state.alive) {
        lives.push(game.state.score);
        game.restart();
        bot.newLife();
      }
      if (++ticks >= maxTicks) {
        clearInterval(timer);
        resolve({ lives, tensors: tf.memory().numTensors });
      }
    }, tickMs);
  });
}

module.exports = { gruParams, gruStep, createBot, createGame, run };

if (require.main === module) {
  run().then((r) => console.log('survival lengths', r.lives.join(','), 'tensors', r.tensors));
}
