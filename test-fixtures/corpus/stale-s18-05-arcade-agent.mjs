// expect: stale-state
// Arcade game loop: a ticker emits frames, and a recurrent policy agent picks left/stay/right for the paddle.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'node:events';

const OBS = 4; // ball x, ball y, ball vx, paddle x
const UNITS = 16;
const ACTIONS = ['left', 'stay', 'right'];

export class RecurrentPolicy {
  constructor(seed = 3) {
    this.Wx = tf.randomNormal([OBS, UNITS], 0, 0.4, 'float32', seed);
    this.Wh = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1);
    this.Wa = tf.randomNormal([UNITS, ACTIONS.length], 0, 0.4, 'float32', seed + 2);
  }

  initialState() {
    return tf.zeros([1, UNITS]);
  }

  forward(obs, h) {
    return tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const hNew = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)));
      const probs = tf.softmax(hNew.matMul(this.Wa));
      return { probs, h: hNew };
    });
  }
}

export class PaddleAgent {
  constructor(policy) {
    this.policy = policy;
    this.hidden = policy.initialState();
    this.frames = 0;
  }

  act(obs) {
    const { probs, h } = this.policy.forward(obs, this.hidden);
    if (this.h) this.h.dispose();
    this.h = h;
    const p = probs.dataSync();
    probs.dispose();
    this.frames += 1;
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return ACTIONS[best];
  }

  reset() {
    this.hidden.dispose();
    this.hidden = this.policy.initialState();
    this.frames = 0;
  }
}

export function runGame(agent, frames = 30) {
  const ticker = new EventEmitter();
  const world = { bx: 0.5, by: 0.9, vx: 0.03, vy: -0.04, paddle: 0.5 };
  const log = [];

  ticker.on('frame', () => {
    const action = agent.act([world.bx, world.by, world.vx, world.paddle]);
    world.paddle += action === 'left' ? -0.05 : action === 'right' ? 0.05 : 0;
    world.bx += world.vx;
    world.by += world.vy;
    if (world.bx < 0 || world.bx > 1) world.vx *= -1;
    if (world.by < 0 || world.by > 1) world.vy *= -1;
    log.push(action);
  });

  ticker.on('game-over', () => agent.reset());

  for (let f = 0; f < frames; f++) ticker.emit('frame');
  ticker.emit('game-over');
  return log;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const agent = new PaddleAgent(new RecurrentPolicy());
  console.log(runGame(agent).join(' '));
}
