// expect: none
// Scores mouse-movement trajectories as human or scripted with a small hand-written GRU trained in the browser.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

type Point = { dx: number; dy: number; dt: number };

class GRU {
  readonly Wx: tf.Variable;
  readonly Uh: tf.Variable;
  readonly b: tf.Variable;
  readonly Wc: tf.Variable;
  readonly Uc: tf.Variable;
  readonly bc: tf.Variable;

  constructor(inputSize: number, readonly units: number) {
    const init = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(shape[0])));
    this.Wx = init([inputSize, 2 * units]);
    this.Uh = init([units, 2 * units]);
    this.b = tf.variable(tf.zeros([2 * units]));
    this.Wc = init([inputSize, units]);
    this.Uc = init([units, units]);
    this.bc = tf.variable(tf.zeros([units]));
  }

  /** One step. Returns the next hidden state. */
  step(x: tf.Tensor2D, hx: tf.Tensor2D): tf.Tensor2D {
    const gates = tf.sigmoid(tf.addN([tf.matMul(x, this.Wx), tf.matMul(hx, this.Uh), this.b]));
    const [update, reset] = tf.split(gates, 2, 1);
    const candidate = tf.tanh(tf.addN([
      tf.matMul(x, this.Wc),
      tf.matMul(tf.mul(reset, hx), this.Uc),
      this.bc,
    ]));
    const keep = tf.mul(tf.sub(1, update), hx);
    return tf.add(keep, tf.mul(update, candidate)) as tf.Tensor2D;
  }

  variables(): tf.Variable[] {
    return [this.Wx, this.Uh, this.b, this.Wc, this.Uc, this.bc];
  }
}

const gru = new GRU(3, 24);
const headW = tf.variable(tf.randomNormal([24, 1], 0, 0.1));
const headB = tf.variable(tf.zeros([1]));
const opt = tf.train.adam(0.005);

function toSteps(batch: Point[][]): tf.Tensor2D[] {
  const T = batch[0].length;
  const steps: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    steps.push(tf.tensor2d(batch.map((traj) => [traj[t].dx / 50, traj[t].dy / 50, traj[t].dt / 16])));
  }
  return steps;
}

function logits(steps: tf.Tensor2D[]): tf.Tensor2D {
  let h = tf.zeros([steps[0].shape[0], gru.units]) as tf.Tensor2D;
  for (const x of steps) {
    h = gru.step(x, h);
  }
  return tf.add(tf.matMul(h, headW), headB) as tf.Tensor2D;
}

export async function trainBatch(batch: Point[][], labels: number[]): Promise<number> {
  const steps = toSteps(batch);
  const y = tf.tensor2d(labels, [labels.length, 1]);
  const loss = opt.minimize(() => {
    const out = logits(steps);
    return tf.losses.sigmoidCrossEntropy(y, out) as tf.Scalar;
  }, true, [...gru.variables(), headW, headB]);
  const value = loss ? (await loss.data())[0] : NaN;
  tf.dispose([...steps, y, loss ?? []]);
  return value;
}

export function scoreTrajectory(traj: Point[]): number {
  return tf.tidy(() => {
    const p = tf.sigmoid(logits(toSteps([traj])));
    return p.dataSync()[0];
  });
}

// Called from the page: collect the last 64 mouse moves and show the score.
const buffer: Point[] = [];
let lastT = performance.now();
window.addEventListener('mousemove', (ev) => {
  const now = performance.now();
  buffer.push({ dx: ev.movementX, dy: ev.movementY, dt: now - lastT });
  lastT = now;
  if (buffer.length > 64) buffer.shift();
});

window.setInterval(() => {
  if (buffer.length < 64) return;
  const score = scoreTrajectory(buffer.slice());
  const el = document.querySelector<HTMLElement>('#bot-score');
  if (el) el.textContent = `${(score * 100).toFixed(1)}% scripted`;
}, 1000);
