// expect: state-leak
// Playground: a recurrent agent wanders a small gridworld for several episodes; its hidden state is drawn beside the grid.
import * as tf from '@tensorflow/tfjs';

const ACTIONS = [[0, -1], [1, 0], [0, 1], [-1, 0]];

class RecurrentAgent {
  constructor(obsDim, units, seed = 5) {
    this.units = units;
    this.Wo = tf.randomNormal([obsDim, units], 0, 0.5, 'float32', seed);
    this.Wh = tf.randomNormal([units, units], 0, 0.8 / Math.sqrt(units), 'float32', seed + 1);
    this.Wa = tf.randomNormal([units, ACTIONS.length], 0, 0.5, 'float32', seed + 2);
    this.h = tf.zeros([1, units]);
  }

  reset() {
    this.h.dispose();
    this.h = tf.zeros([1, this.units]);
  }

  act(obs) {
    const [h, logits] = tf.tidy(() => {
      const next = tf.tanh(tf.tensor2d([obs]).matMul(this.Wo).add(this.h.matMul(this.Wh)));
      return [next, next.matMul(this.Wa)];
    });
    this.h.dispose();
    this.h = h;
    const action = tf.multinomial(logits, 1).dataSync()[0];
    logits.dispose();
    return action;
  }
}

function observe(pos, goal, size) {
  return [pos[0] / size, pos[1] / size, Math.sign(goal[0] - pos[0]), Math.sign(goal[1] - pos[1])];
}

function runEpisode(agent, size, maxSteps, onStep) {
  let pos = [0, 0];
  const goal = [size - 1, size - 1];
  for (let t = 0; t < maxSteps; t++) {
    const a = agent.act(observe(pos, goal, size));
    pos = [
      Math.min(size - 1, Math.max(0, pos[0] + ACTIONS[a][0])),
      Math.min(size - 1, Math.max(0, pos[1] + ACTIONS[a][1])),
    ];
    onStep(pos, Array.from(agent.h.dataSync()));
    if (pos[0] === goal[0] && pos[1] === goal[1]) return t + 1;
  }
  return maxSteps;
}

function draw(ctx, size, pos, hidden) {
  const cell = 240 / size;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) ctx.strokeRect(i * cell, j * cell, cell, cell);
  }
  ctx.fillStyle = '#d33';
  ctx.fillRect(pos[0] * cell + 4, pos[1] * cell + 4, cell - 8, cell - 8);
  hidden.forEach((v, u) => {
    ctx.fillStyle = v > 0 ? `rgba(0,150,0,${v})` : `rgba(150,0,150,${-v})`;
    ctx.fillRect(260, u * 10, 40, 9);
  });
}

export async function play(canvas, { size = 6, units = 16, episodes = 10, maxSteps = 60 } = {}) {
  const ctx = canvas.getContext('2d');
  const agent = new RecurrentAgent(4, units);
  const lengths = [];
  for (let ep = 0; ep < episodes; ep++) {
    const frames = [];
    const steps = runEpisode(agent, size, maxSteps, (pos, hidden) => frames.push({ pos, hidden }));
    for (const f of frames) {
      draw(ctx, size, f.pos, f.hidden);
      await new Promise((r) => setTimeout(r, 40));
    }
    lengths.push(steps);
  }
  return lengths;
}
