// expect: stacked-activation
// Minimal gated unit (MGU) for the on-device gesture model, built on our shared forget-gate base class.
import * as tf from '@tensorflow/tfjs';

type T2 = tf.Tensor2D;

export abstract class ForgetGateCell {
  protected readonly Wf: tf.Variable;
  protected readonly Uf: tf.Variable;
  protected readonly bf: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number, protected readonly seed = 21) {
    this.Wf = this.param([inputDim, units], 0);
    this.Uf = this.param([units, units], 1);
    this.bf = tf.variable(tf.ones([units]));
  }

  protected param(shape: [number, number], offset: number): tf.Variable {
    return tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', this.seed + offset));
  }

  protected forgetGate(x: T2, h: T2): T2 {
    return tf.sigmoid(tf.add(tf.add(tf.matMul(x, this.Wf), tf.matMul(h, this.Uf)), this.bf));
  }

  protected abstract proposal(x: T2, h: T2, f: T2): T2;

  protected squash(t: T2): T2 {
    return tf.tanh(t);
  }

  step(x: T2, h: T2): T2 {
    return tf.tidy(() => {
      const f = this.forgetGate(x, h);
      const cand = this.squash(this.proposal(x, h, f));
      return tf.add(tf.mul(tf.sub(1, f), h), tf.mul(f, cand)) as T2;
    });
  }
}

export class MGUCell extends ForgetGateCell {
  private readonly Wh: tf.Variable;
  private readonly Uh: tf.Variable;
  private readonly bh: tf.Variable;

  constructor(inputDim: number, units: number) {
    super(inputDim, units);
    this.Wh = this.param([inputDim, units], 2);
    this.Uh = this.param([units, units], 3);
    this.bh = tf.variable(tf.zeros([units]));
  }

  protected override proposal(x: T2, h: T2, f: T2): T2 {
    const gated = tf.mul(f, h) as T2;
    const pre = tf.add(tf.add(tf.matMul(x, this.Wh), tf.matMul(gated, this.Uh)), this.bh) as T2;
    return tf.tanh(pre);
  }
}

export class GestureEncoder {
  constructor(private readonly cell: ForgetGateCell) {}

  encode(samples: number[][][]): tf.Tensor2D {
    const xs = tf.tensor3d(samples);
    const [batch, time] = xs.shape;
    let h: T2 = tf.zeros([batch, this.cell.units]);
    for (let t = 0; t < time; t++) {
      const xt = tf.squeeze(xs.slice([0, t, 0], [batch, 1, this.cell.inputDim]), [1]) as T2;
      const next = this.cell.step(xt, h);
      h.dispose();
      xt.dispose();
      h = next;
    }
    xs.dispose();
    return h;
  }
}

if (require.main === module) {
  const enc = new GestureEncoder(new MGUCell(3, 5));
  const h = enc.encode([
    [[0.1, 0.2, 0.9], [0.0, 0.4, 0.8], [0.3, 0.3, 0.1]],
    [[1.0, -1.0, 0.5], [0.8, -0.6, 0.2], [0.1, 0.0, 0.0]],
  ]);
  h.print();
}
