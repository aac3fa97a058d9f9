// expect: none
// Language-model style trainer on a long signal using truncated BPTT: each chunk is one optimizer step.
import * as tf from '@tensorflow/tfjs';

export type RnnVars = { Wx: tf.Variable; Wh: tf.Variable; b: tf.Variable; Wy: tf.Variable };

export function createVars(inputDim: number, units: number, seed = 151): RnnVars {
  return {
    Wx: tf.variable(tf.randomNormal([inputDim, units], 0, 0.3, 'float32', seed), true),
    Wh: tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1), true),
    b: tf.variable(tf.zeros([units]), true),
    Wy: tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', seed + 2), true),
  };
}

// Detach a state from the graph so the next chunk starts from its value only.
function detach(h: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(h.dataSync(), h.shape);
}

export class TbpttTrainer {
  private readonly opt = tf.train.adam(0.01);

  constructor(private readonly v: RnnVars, private readonly units: number, private readonly chunkLen: number) {}

  private chunkLoss(xs: tf.Tensor2D[], ys: tf.Tensor2D[], h0: tf.Tensor2D, out: { last?: tf.Tensor2D }): tf.Scalar {
    let h = h0;
    const losses: tf.Scalar[] = [];
    xs.forEach((x, t) => {
      h = tf.tanh(tf.matMul(x, this.v.Wx).add(tf.matMul(h, this.v.Wh)).add(this.v.b)) as tf.Tensor2D;
      losses.push(tf.losses.meanSquaredError(ys[t], tf.matMul(h, this.v.Wy)) as tf.Scalar);
    });
    out.last = tf.keep(h);
    return tf.addN(losses).div(losses.length) as tf.Scalar;
  }

  // One pass over a long sequence (lists of [batch, features] steps); the state is reset at the start of each sequence.
  trainSequence(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): number[] {
    let carry: tf.Tensor2D = tf.zeros([xs[0].shape[0], this.units]);
    const losses: number[] = [];
    for (let start = 0; start < xs.length; start += this.chunkLen) {
      const cx = xs.slice(start, start + this.chunkLen);
      const cy = ys.slice(start, start + this.chunkLen);
      const out: { last?: tf.Tensor2D } = {};
      const loss = this.opt.minimize(() => this.chunkLoss(cx, cy, carry, out), true);
      if (loss) {
        losses.push(loss.dataSync()[0]);
        loss.dispose();
      }
      // Truncated BPTT: gradients stop at chunk boundaries by design; only the value is carried forward.
      const last = out.last;
      if (!last) throw new Error('chunk produced no state');
      carry.dispose();
      carry = detach(last);
      last.dispose();
    }
    carry.dispose();
    return losses;
  }
}

export function demo(epochs = 15): void {
  const T = 24;
  const xs = Array.from({ length: T }, (_, t) => tf.tensor2d([[Math.sin(t * 0.4)], [Math.cos(t * 0.4)]]));
  const ys = Array.from({ length: T }, (_, t) => tf.tensor2d([[Math.sin((t + 1) * 0.4)], [Math.cos((t + 1) * 0.4)]]));
  const trainer = new TbpttTrainer(createVars(1, 12), 12, 6);
  let first = 0;
  let last = 0;
  for (let e = 0; e < epochs; e++) {
    const l = trainer.trainSequence(xs, ys);
    const mean = l.reduce((a, b) => a + b, 0) / l.length;
    if (e === 0) first = mean;
    last = mean;
  }
  console.log('mean chunk loss', first.toFixed(4), '->', last.toFixed(4));
}
