// Activations chosen by name where the chosen one is linear, or not known here.
import * as tf from '@tensorflow/tfjs';

type Activation = 'tanh' | 'relu' | 'linear';

function activate(t: tf.Tensor, kind: Activation): tf.Tensor {
  switch (kind) {
    case 'relu': return tf.relu(t);
    case 'tanh': return tf.tanh(t);
    default: return t;
  }
}

// The output activation is linear by default, over a tanh candidate: one activation.
export class LinearOut {
  private readonly W = tf.randomNormal([8, 8]);
  constructor(private readonly out: Activation = 'linear') {}
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return activate(tf.tanh(x.add(h.matMul(this.W))), this.out) as tf.Tensor2D;
  }
}

// Made with different activations: which one runs is not known from here.
export class Mixed {
  private readonly W = tf.randomNormal([8, 8]);
  constructor(private readonly act: Activation = 'tanh') {}
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return activate(tf.tanh(x.add(h.matMul(this.W))), this.act) as tf.Tensor2D;
  }
}

// Set by a method too: its value is not known where it is used.
export class Settable {
  private act: Activation = 'tanh';
  private readonly W = tf.randomNormal([8, 8]);
  use(kind: Activation): void { this.act = kind; }
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return activate(tf.tanh(x.add(h.matMul(this.W))), this.act) as tf.Tensor2D;
  }
}

// One configured activation per step, applied to a linear map of the state.
export class Plain {
  private readonly W = tf.randomNormal([8, 8]);
  constructor(private readonly act: Activation = 'tanh') {}
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return activate(x.add(h.matMul(this.W)), this.act) as tf.Tensor2D;
  }
}

export const models = [new LinearOut(), new Mixed('relu'), new Mixed('linear'), new Settable(), new Plain()];
