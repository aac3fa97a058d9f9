// expect: returns-input-state
// LSTM controller for a 1-D paddle game: the ball is only visible every other frame, so the agent needs memory.
import * as tf from '@tensorflow/tfjs';

export function makeLstm(inputSize, units, seed = 7) {
  const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed++));
  return {
    units,
    W: init([inputSize, 4 * units]),
    U: init([units, 4 * units]),
    b: tf.variable(tf.zeros([4 * units])),
    out: init([units, 3]),
  };
}

export function lstmStep(p, x, { h, c }) {
  const z = tf.matMul(x, p.W).add(tf.matMul(h, p.U)).add(p.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNew = f.mul(c).add(i.mul(g));
  const hNew = o.mul(tf.tanh(cNew));
  return { h: hNew, c };
}

export class PaddleGame {
  constructor(width = 10) {
    this.width = width;
  }
  reset() {
    this.frame = 0;
    this.ballX = Math.floor(Math.random() * this.width);
    this.ballY = 8;
    this.paddle = Math.floor(this.width / 2);
    return this.observe();
  }
  observe() {
    const visible = this.frame % 2 === 0;
    return [visible ? this.ballX / this.width : -1, visible ? this.ballY / 8 : -1, this.paddle / this.width];
  }
  step(action) {
    this.paddle = Math.min(this.width - 1, Math.max(0, this.paddle + action - 1));
    this.ballY -= 1;
    this.frame += 1;
    if (this.ballY === 0) {
      return { obs: this.observe(), reward: Math.abs(this.paddle - this.ballX) <= 1 ? 1 : -1, done: true };
    }
    return { obs: this.observe(), reward: 0, done: false };
  }
}

export function playOnce(params, game) {
  return tf.tidy(() => {
    let obs = game.reset();
    let state = { h: tf.zeros([1, params.units]), c: tf.zeros([1, params.units]) };
    const activity = [];
    let reward = 0;
    for (let done = false; !done; ) {
      state = lstmStep(params, tf.tensor2d([obs]), state);
      activity.push(tf.norm(state.h).dataSync()[0]);
      const action = tf.argMax(tf.matMul(state.h, params.out), 1).dataSync()[0];
      const res = game.step(action);
      obs = res.obs;
      reward = res.reward;
      done = res.done;
    }
    return { reward, activity };
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const params = makeLstm(3, 16);
  const game = new PaddleGame();
  let wins = 0;
  for (let ep = 0; ep < 10; ep++) wins += playOnce(params, game).reward > 0 ? 1 : 0;
  console.log(`won ${wins}/10`);
}
