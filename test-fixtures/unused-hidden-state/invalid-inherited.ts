// A base class writes the step once; a subclass overrides a piece the step calls and drops the state there.
import * as tf from '@tensorflow/tfjs';

export abstract class RecurrentCell {
  protected readonly W: tf.Variable;
  protected readonly U: tf.Variable;

  constructor(inputDim: number, readonly units: number) {
    this.W = tf.variable(tf.randomNormal([inputDim, units]));
    this.U = tf.variable(tf.randomNormal([units, units]));
  }

  protected inputTerm(x: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(x, this.W as tf.Tensor2D);
  }

  protected recurrentTerm(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.U as tf.Tensor2D);
  }

  protected mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    return tf.add(xs, hs);
  }

  step(x: tf.Tensor2D, state: { h: tf.Tensor2D }): { h: tf.Tensor2D } {
    const pre = this.mix(this.inputTerm(x), this.recurrentTerm(state.h));
    return { h: tf.tanh(pre) };
  }
}

export class LayerNormCell extends RecurrentCell {
  private normalize(v: tf.Tensor2D): tf.Tensor2D {
    const { mean, variance } = tf.moments(v, -1, true);
    return tf.div(tf.sub(v, mean), tf.sqrt(tf.add(variance, 1e-5)));
  }

  protected override mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    //                                    ~~ unused-hidden-state
    return this.normalize(xs);
  }
}

// An abstract combine in the base: the base step itself is not reported, one subclass is.
export abstract class TemplateCell {
  constructor(protected readonly wIh: tf.Variable, protected readonly wHh: tf.Variable) {}

  protected abstract combine(inputPart: tf.Tensor2D, hiddenPart: tf.Tensor2D): tf.Tensor2D;

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.tanh(this.combine(tf.matMul(input, this.wIh as tf.Tensor2D), tf.matMul(hidden, this.wHh as tf.Tensor2D))));
  }
}

export class SumCell extends TemplateCell {
  protected override combine(inputPart: tf.Tensor2D, hiddenPart: tf.Tensor2D): tf.Tensor2D {
    return tf.add(inputPart, hiddenPart);
  }
}

export class ScaledCell extends TemplateCell {
  protected override combine(inputPart: tf.Tensor2D, hiddenPart: tf.Tensor2D): tf.Tensor2D {
    //                                               ~~~~~~~~~~ unused-hidden-state
    return tf.mul(inputPart, 2);
  }
}
