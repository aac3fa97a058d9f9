// Helpers that end in something linear (or only sometimes in an activation) are not stacking.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16]));
const U = tf.variable(tf.randomNormal([16, 16]));
const b = tf.variable(tf.zeros([16]));

function preActivation(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(x, W).add(tf.matMul(h, U)).add(b);
}

function maybeSquash(z: tf.Tensor2D, linear: boolean): tf.Tensor2D {
  if (linear) return z;
  return tf.tanh(z);
}

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(preActivation(x, h));
}

export function configurableStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(maybeSquash(preActivation(x, h), true));
}

// Helpers applied to pre-activations, and helpers that are not one activation of their argument.
const toPolarity = (t: tf.Tensor2D): tf.Tensor2D => tf.tanh(t);
const scaleBy = (t: tf.Tensor2D): tf.Tensor2D => t.mul(2);
const mixed = (t: tf.Tensor2D): tf.Tensor2D => (t.rank > 1 ? tf.tanh(t) : tf.sigmoid(t));

export function polarity(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return toPolarity(preActivation(x, h));
}

export function scaled(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return scaleBy(tf.sigmoid(preActivation(x, h)));
}

export function mixedHelper(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return toPolarity(mixed(preActivation(x, h)).matMul(W) as tf.Tensor2D);
}

// A readout called once with an activation's output and once with a pre-activation: not every
// caller stacks, so the readout is not reported.
function readout(h: tf.Tensor2D, gain: number): tf.Tensor {
  const feat = tf.relu(h);
  return feat.mul(gain);
}

export function readBoth(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor[] {
  return [readout(tf.tanh(preActivation(x, h)) as tf.Tensor2D, 2), readout(preActivation(x, h), 2)];
}

// A method returning a pre-activation, then squashed once.
export class Projector {
  private project(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return preActivation(x, h);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(this.project(x, h)) as tf.Tensor2D;
  }
}

// A helper picking its activation by an option, applied once per step to the pre-activation.
export class OptionCell {
  constructor(private readonly opts: { activation: 'tanh' | 'relu' } = { activation: 'tanh' }) {}

  #activate(t: tf.Tensor2D): tf.Tensor2D {
    return this.opts.activation === 'relu' ? tf.relu(t) : tf.tanh(t);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return this.#activate(preActivation(x, h));
  }

  unroll(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
    return xs.reduce((h, x) => this.step(x, h), h0);
  }
}
