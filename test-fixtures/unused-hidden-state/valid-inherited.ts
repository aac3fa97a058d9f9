// Subclasses that override pieces of a base class's step and keep the state flowing.
import * as tf from '@tensorflow/tfjs';

export abstract class RecurrentCell {
  protected readonly W: tf.Variable;
  protected readonly U: tf.Variable;

  constructor(inputDim: number, readonly units: number) {
    this.W = tf.variable(tf.randomNormal([inputDim, units]));
    this.U = tf.variable(tf.randomNormal([units, units]));
  }

  protected recurrentTerm(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.U as tf.Tensor2D);
  }

  protected mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    return tf.add(xs, hs);
  }

  protected activate(z: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(z);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return this.activate(this.mix(tf.matMul(x, this.W as tf.Tensor2D), this.recurrentTerm(h)));
  }
}

// Normalises both terms before the base's mix.
export class LayerNormCell extends RecurrentCell {
  private normalize(v: tf.Tensor2D): tf.Tensor2D {
    const { mean, variance } = tf.moments(v, -1, true);
    return tf.div(tf.sub(v, mean), tf.sqrt(tf.add(variance, 1e-5)));
  }

  protected override mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    return super.mix(this.normalize(xs), this.normalize(hs));
  }
}

// A gated mix: the recurrent term scaled by a learned gate.
export class GatedMixCell extends RecurrentCell {
  private readonly gate = tf.variable(tf.ones([this.units]));

  protected override mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    const g = tf.sigmoid(this.gate);
    return tf.add(xs, tf.mul(g, hs));
  }
}

// Overrides only the activation; the state still reaches the output through the base's mix.
export class ReluCell extends RecurrentCell {
  protected override activate(z: tf.Tensor2D): tf.Tensor2D {
    return tf.relu(z);
  }
}

// A recurrent term with a different weight layout, still reading the state.
export class TransposedCell extends RecurrentCell {
  protected override recurrentTerm(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.U as tf.Tensor2D, false, true);
  }
}
