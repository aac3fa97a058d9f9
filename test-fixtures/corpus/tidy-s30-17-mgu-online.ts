// expect: tidy-disposed-state
// Online minimal gated unit (Zhou et al. 2016) scoring a sensor stream sample by sample, driven by worker-style messages.
import * as tf from '@tensorflow/tfjs';

type Msg = { kind: 'sample'; u: number } | { kind: 'reset' };

export class OnlineMGU {
  private h: tf.Tensor2D;
  private readonly Wf: tf.Tensor2D;
  private readonly Uf: tf.Tensor2D;
  private readonly bf: tf.Tensor1D;
  private readonly Wh: tf.Tensor2D;
  private readonly Uh: tf.Tensor2D;
  private readonly bh: tf.Tensor1D;
  private readonly V: tf.Tensor2D;

  constructor(readonly n: number, seed = 3) {
    const g = (r: number, c: number, s: number) => tf.randomNormal([r, c], 0, s, 'float32', seed++) as tf.Tensor2D;
    this.Wf = g(1, n, 1);
    this.Uf = g(n, n, 1 / Math.sqrt(n));
    this.bf = tf.fill([n], 1) as tf.Tensor1D;
    this.Wh = g(1, n, 1);
    this.Uh = g(n, n, 1 / Math.sqrt(n));
    this.bh = tf.zeros([n]);
    this.V = g(n, 1, 0.3);
    this.h = tf.zeros([1, n]);
  }

  // f = s(Wf x + Uf h + bf);  h~ = tanh(Wh x + Uh (f*h) + bh);  h' = (1-f) h + f h~
  push(u: number): number {
    return tf.tidy(() => {
      const x = tf.tensor2d([[u]]);
      const h = this.h;
      const f = tf.sigmoid(tf.matMul(x, this.Wf).add(tf.matMul(h, this.Uf)).add(this.bf));
      const hc = tf.tanh(tf.matMul(x, this.Wh).add(tf.matMul(f.mul(h), this.Uh)).add(this.bh));
      this.h = tf.sub(1, f).mul(h).add(f.mul(hc)) as tf.Tensor2D;
      const y = tf.matMul(this.h, this.V);
      return y.dataSync()[0];
    });
  }

  reset(): void {
    this.h.dispose();
    this.h = tf.zeros([1, this.n]);
  }
}

const net = new OnlineMGU(12);
const scores: number[] = [];

export function onMessage(msg: Msg): number | null {
  if (msg.kind === 'reset') {
    net.reset();
    return null;
  }
  const s = net.push(msg.u);
  scores.push(s);
  return s;
}

// replay a recorded session through the handler
const session: Msg[] = [{ kind: 'reset' }];
for (let t = 0; t < 50; t++) session.push({ kind: 'sample', u: Math.sin(0.2 * t) + (t === 30 ? 2 : 0) });
for (const m of session) onMessage(m);

const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
const peak = scores.reduce((a, b, i) => (Math.abs(b - mean) > Math.abs(scores[a] - mean) ? i : a), 0);
console.log(`samples ${scores.length}, mean score ${mean.toFixed(4)}, most unusual at t=${peak}`);
