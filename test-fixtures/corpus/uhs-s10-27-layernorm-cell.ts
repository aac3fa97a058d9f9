// expect: unused-hidden-state
// Template-method RNN cell hierarchy (plain and layer-normalized variants) used by the churn sequence model.
import * as tf from '@tensorflow/tfjs';

export abstract class RNNCellBase {
  readonly wIh: tf.Variable;
  readonly wHh: tf.Variable;

  constructor(readonly inputSize: number, readonly hiddenSize: number) {
    this.wIh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 1 / Math.sqrt(inputSize)));
    this.wHh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 1 / Math.sqrt(hiddenSize)));
  }

  protected projectInput(input: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(input, this.wIh as tf.Tensor2D);
  }

  protected projectHidden(hidden: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(hidden, this.wHh as tf.Tensor2D);
  }

  protected abstract combine(inputPart: tf.Tensor2D, hiddenPart: tf.Tensor2D): tf.Tensor2D;

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.tanh(this.combine(this.projectInput(input), this.projectHidden(hidden))));
  }

  initHidden(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.hiddenSize]);
  }
}

export class VanillaCell extends RNNCellBase {
  private readonly bias = tf.variable(tf.zeros([this.hiddenSize]));

  protected override combine(inputPart: tf.Tensor2D, hiddenPart: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.add(inputPart, hiddenPart), this.bias) as tf.Tensor2D;
  }
}

class LayerNorm {
  readonly gain: tf.Variable;
  readonly shift: tf.Variable;
  constructor(size: number, private readonly eps = 1e-5) {
    this.gain = tf.variable(tf.ones([size]));
    this.shift = tf.variable(tf.zeros([size]));
  }
  apply(x: tf.Tensor2D): tf.Tensor2D {
    const { mean, variance } = tf.moments(x, 1, true);
    const normed = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, this.eps)));
    return tf.add(tf.mul(normed, this.gain), this.shift);
  }
}

/** Ba et al. (2016): separate layer norms on the input and recurrent projections. */
export class LayerNormCell extends RNNCellBase {
  private readonly lnInput = new LayerNorm(this.hiddenSize);
  private readonly lnHidden = new LayerNorm(this.hiddenSize);

  protected override combine(inputPart: tf.Tensor2D, hiddenPart: tf.Tensor2D): tf.Tensor2D {
    const a = this.lnInput.apply(inputPart);
    const b = this.lnHidden.apply(inputPart);
    return tf.add(a, b);
  }
}

export function churnProbability(cell: RNNCellBase, readout: tf.Tensor2D, months: tf.Tensor3D): tf.Tensor1D {
  return tf.tidy(() => {
    let h = cell.initHidden(months.shape[0]);
    for (const x of tf.unstack(months, 1) as tf.Tensor2D[]) {
      const next = cell.forward(x, h);
      h.dispose();
      h = next;
    }
    return tf.squeeze(tf.sigmoid(tf.matMul(h, readout)), [1]) as tf.Tensor1D;
  });
}

if (require.main === module) {
  const cell = new LayerNormCell(7, 16);
  const readout = tf.randomNormal([16, 1], 0, 0.3) as tf.Tensor2D;
  churnProbability(cell, readout, tf.randomNormal([5, 12, 7]) as tf.Tensor3D).print();
}
