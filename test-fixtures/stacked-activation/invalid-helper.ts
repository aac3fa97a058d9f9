// An activation applied to the result of a helper that already applies one.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16]));
const U = tf.variable(tf.randomNormal([16, 16]));

function squash(z: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(z);
}

const gate = (z: tf.Tensor2D): tf.Tensor2D => tf.sigmoid(z);

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(squash(tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D));
       //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function gatedStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return gate(tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D).relu();
       //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// The outer activation is the helper: `squash` of a sigmoid, and of a dense layer that already squashes.
const head = tf.layers.dense({ units: 1, activation: 'sigmoid' });

export function helperOuter(z: tf.Tensor2D): tf.Tensor2D {
  return squash(tf.sigmoid(z));
//       ~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function helperOverLayer(state: tf.Tensor2D): tf.Tensor2D {
  const score = head.apply(state) as tf.Tensor2D;
  return squash(score);
//       ~~~~~~~~~~~~~ stacked-activation
}

// A method of the class returns a gate (a sigmoid); the candidate squashes it again.
export class GatedCell {
  private gate(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.sigmoid(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const i = this.gate(x, h);
    const g = tf.tanh(this.gate(x, h));
//            ~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    return tf.mul(i, g) as tf.Tensor2D;
  }
}

// The readout squashes its argument, and its only caller passes it the recurrence's tanh.
function recur(x: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(hPrev, U))) as tf.Tensor2D;
}

function readout(h: tf.Tensor2D, gain: number): tf.Tensor {
  const feat = tf.relu(h);
//             ~~~~~~~~~~ stacked-activation
  return feat.mul(gain);
}

export function forecast(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor[] {
  let h = h0;
  const preds: tf.Tensor[] = [];
  for (const x of xs) {
    h = recur(x, h);
    preds.push(readout(h, 2));
  }
  return preds;
}

// A private helper that picks relu or tanh by an option: the step activates its incoming state
// with it, and makes the new state with it too.
export class OptionCell {
  constructor(private readonly opts: { activation: 'tanh' | 'relu' } = { activation: 'tanh' }) {}

  #activate(t: tf.Tensor2D): tf.Tensor2D {
    return this.opts.activation === 'relu' ? tf.relu(t) : tf.tanh(t);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const prev = this.#activate(h);
//               ~~~~~~~~~~~~~~~~~ stacked-activation
    return this.#activate(tf.matMul(x, W).add(tf.matMul(prev, U)) as tf.Tensor2D);
  }
}
