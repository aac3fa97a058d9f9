// expect: bptt-cut
// Leaky-integrator RNN (alpha = dt/tau) trained to hold the sign of a cue presented at t = 0 until a readout at t = T.
import * as tf from '@tensorflow/tfjs';

const n = 20, T = 15, B = 32, alpha = 0.3;

export class LeakyRNN {
  W = tf.variable(tf.randomNormal([2, n], 0, 1, 'float32', 5));
  U = tf.variable(tf.randomNormal([n, n], 0, 0.9 / Math.sqrt(n), 'float32', 6));
  b = tf.variable(tf.zeros([n]));
  v = tf.variable(tf.randomNormal([n, 1], 0, 0.1, 'float32', 7));
  h = tf.variable(tf.zeros([B, n]), false);

  // h <- (1 - alpha) h + alpha tanh(W x + U h + b)
  advance(x: tf.Tensor2D): void {
    const pre = tf.matMul(x, this.W).add(tf.matMul(this.h, this.U)).add(this.b);
    this.h.assign(this.h.mul(1 - alpha).add(tf.tanh(pre).mul(alpha)));
  }

  trial(xs: tf.Tensor2D[]): tf.Tensor2D {
    this.h.assign(tf.zeros([B, n]));
    for (const x of xs) this.advance(x);
    return tf.matMul(this.h, this.v);
  }
}

// channel 0: cue (+1/-1) at t = 0, channel 1: go signal at t = T-1; target = cue sign
export function trials(seed: number): { xs: tf.Tensor2D[]; y: tf.Tensor2D } {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const sign = Array.from({ length: B }, () => (r() < 0.5 ? -1 : 1));
  const xs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    xs.push(tf.tensor2d(sign.map((c) => [t === 0 ? c : 0, t === T - 1 ? 1 : 0])));
  }
  return { xs, y: tf.tensor2d(sign, [B, 1]) };
}

const net = new LeakyRNN();
const opt = tf.train.adam(0.01);
for (let it = 0; it <= 200; it++) {
  const { xs, y } = trials(it + 1);
  const L = opt.minimize(() => tf.losses.meanSquaredError(y, net.trial(xs)), true);
  if (it % 50 === 0 && L) console.log(`it ${it}  mse ${L.dataSync()[0].toFixed(4)}`);
  tf.dispose([y, ...xs]);
  L?.dispose();
}

const { xs, y } = trials(4242);
const out = net.trial(xs);
const acc = tf.sign(out).equal(y).toFloat().mean().dataSync()[0];
console.log('sign accuracy', acc.toFixed(3));
