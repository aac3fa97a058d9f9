// expect: state-leak
// Demo page where a recurrent policy plays Pong on a canvas; runs several rallies and shows the score per rally.
const tf = require('@tensorflow/tfjs');

const ACTIONS = [-1, 0, 1]; // paddle up / stay / down

function buildPolicy() {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: 16,
    stateful: true,
    batchInputShape: [1, 1, 4],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }),
    recurrentInitializer: tf.initializers.glorotNormal({ seed: 2 }),
  }));
  model.add(tf.layers.dense({ units: ACTIONS.length, activation: 'softmax' }));
  return model;
}

class PongEnv {
  constructor(seed) { this.seed = seed; }
  reset() {
    this.ball = { x: 0.5, y: 0.5, vx: 0.03, vy: 0.021 };
    this.paddle = 0.5;
    this.t = 0;
    return this.observe();
  }
  observe() { return [this.ball.x, this.ball.y, this.ball.vy * 10, this.paddle]; }
  step(action) {
    this.paddle = Math.min(1, Math.max(0, this.paddle + 0.04 * ACTIONS[action]));
    const b = this.ball;
    b.x += b.vx; b.y += b.vy;
    if (b.y < 0 || b.y > 1) b.vy = -b.vy;
    if (b.x < 0) b.vx = -b.vx;
    let reward = 0;
    let done = false;
    if (b.x > 1) {
      if (Math.abs(b.y - this.paddle) < 0.12) { b.vx = -b.vx; reward = 1; } else { reward = -1; done = true; }
    }
    this.t++;
    if (this.t >= 300) done = true;
    return { obs: this.observe(), reward, done };
  }
}

class PongAgent {
  constructor(model) { this.model = model; }
  act(obs) {
    return tf.tidy(() => {
      const probs = this.model.predict(tf.tensor3d([[obs]])).dataSync();
      return probs.indexOf(Math.max(...probs));
    });
  }
}

function draw(ctx, env) {
  ctx.clearRect(0, 0, 400, 300);
  ctx.fillRect(390, env.paddle * 300 - 18, 6, 36);
  ctx.beginPath();
  ctx.arc(env.ball.x * 400, env.ball.y * 300, 5, 0, Math.PI * 2);
  ctx.fill();
}

async function playRallies(env, agent, rallies, { ctx, onRally, frameDelay = 0 } = {}) {
  const scores = [];
  for (let r = 0; r < rallies; r++) {
    let obs = env.reset();
    let score = 0;
    let done = false;
    while (!done) {
      const step = env.step(agent.act(obs));
      obs = step.obs;
      score += step.reward;
      done = step.done;
      if (ctx) draw(ctx, env);
      if (frameDelay) await new Promise((res) => setTimeout(res, frameDelay));
    }
    scores.push(score);
    if (onRally) onRally(r, score);
  }
  return scores;
}

module.exports = { buildPolicy, PongEnv, PongAgent, playRallies };

if (typeof document !== 'undefined' && document.getElementById('pong')) {
  const canvas = document.getElementById('pong');
  const log = document.getElementById('rally-log');
  const agent = new PongAgent(buildPolicy());
  document.getElementById('play').addEventListener('click', () => {
    playRallies(new PongEnv(1), agent, 5, {
      ctx: canvas.getContext('2d'),
      frameDelay: 16,
      onRally: (r, s) => { log.textContent += `rally ${r + 1}: ${s}\n`; },
    });
  });
}
