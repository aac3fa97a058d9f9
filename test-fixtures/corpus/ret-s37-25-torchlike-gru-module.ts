// expect: returns-input-state
// PyTorch-flavoured GRU module for the course's "port your notebook to the browser" exercise, with a tiny step logger.
import * as tf from '@tensorflow/tfjs';

type Hidden = tf.Tensor2D;

export class GRUModule {
  private weightIh: tf.Variable;
  private weightHh: tf.Variable;
  private biasIh: tf.Variable;
  private biasHh: tf.Variable;
  private logger?: (t: number, h: number[]) => void;
  private t = 0;

  constructor(readonly inputSize: number, readonly hiddenSize: number) {
    const k = 1 / Math.sqrt(hiddenSize);
    this.weightIh = tf.variable(tf.randomUniform([inputSize, 3 * hiddenSize], -k, k));
    this.weightHh = tf.variable(tf.randomUniform([hiddenSize, 3 * hiddenSize], -k, k));
    this.biasIh = tf.variable(tf.randomUniform([3 * hiddenSize], -k, k));
    this.biasHh = tf.variable(tf.randomUniform([3 * hiddenSize], -k, k));
  }

  registerLogger(fn: (t: number, h: number[]) => void): void {
    this.logger = fn;
  }

  initHidden(batch: number): Hidden {
    return tf.zeros([batch, this.hiddenSize]);
  }

  forward(input: tf.Tensor2D, hidden: Hidden): { output: tf.Tensor2D; hidden: Hidden } {
    const gi = input.matMul(this.weightIh).add(this.biasIh);
    const gh = hidden.matMul(this.weightHh).add(this.biasHh);
    const [iR, iZ, iN] = tf.split(gi, 3, 1);
    const [hR, hZ, hN] = tf.split(gh, 3, 1);
    const r = tf.sigmoid(iR.add(hR));
    const z = tf.sigmoid(iZ.add(hZ));
    const n = tf.tanh(iN.add(r.mul(hN)));
    const hy = tf.sub(1, z).mul(n).add(z.mul(hidden)) as tf.Tensor2D;
    if (this.logger) this.logger(this.t++, Array.from(hy.dataSync()));
    return { output: hy, hidden };
  }

  parameters(): tf.Variable[] {
    return [this.weightIh, this.weightHh, this.biasIh, this.biasHh];
  }
}

export function runSequence(gru: GRUModule, xs: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    let hidden = gru.initHidden(xs.shape[0]);
    const outputs: tf.Tensor2D[] = [];
    for (const xt of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      const res = gru.forward(xt, hidden);
      outputs.push(res.output);
      hidden = res.hidden;
    }
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}

export function demo(): void {
  const gru = new GRUModule(3, 5);
  const lines: string[] = [];
  gru.registerLogger((t, h) => lines.push(`t=${t} ${h.slice(0, 5).map((v) => v.toFixed(3)).join(' ')}`));
  const xs = tf.randomNormal([1, 6, 3], 0, 1, 'float32', 17) as tf.Tensor3D;
  const ys = runSequence(gru, xs);
  console.log(lines.join('\n'));
  console.log('output shape', ys.shape);
  tf.dispose([xs, ys]);
}
