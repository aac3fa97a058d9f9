// Activations stacked through a class hierarchy, an array of gates, and from one step to the next.
import * as tf from '@tensorflow/tfjs';

// `super.align()` already returns a softmax; the subclass sharpens and applies softmax again.
export class Attention {
  constructor(protected readonly w: tf.Variable) {}

  align(query: tf.Tensor2D, keys: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(tf.matMul(query, tf.matMul(keys, this.w as tf.Tensor2D), false, true));
  }
}

export class SharpAttention extends Attention {
  private readonly temperature = 0.5;

  override align(query: tf.Tensor2D, keys: tf.Tensor2D): tf.Tensor2D {
    const base = super.align(query, keys);
    return tf.softmax(tf.div(base, this.temperature));
    //     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}

// The base class's helper squashes the state it reads; an Elman subclass's state is already squashed.
export abstract class RecurrentBase {
  constructor(protected readonly wIn: tf.Variable, protected readonly wRec: tf.Variable) {}

  protected act(z: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(z);
  }

  protected readState(state: tf.Tensor2D): tf.Tensor2D {
    return this.act(state);
  }

  abstract forward(input: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D };
}

export class ElmanCell extends RecurrentBase {
  override forward(input: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D } {
    const prev = this.readState(state);
    //           ~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    const h = this.act(tf.add(tf.matMul(input, this.wIn as tf.Tensor2D), tf.matMul(prev, this.wRec as tf.Tensor2D)));
    return { output: h, state: h };
  }
}

// A fused gate block split into gates, each squashed a second time.
export class FusedLSTM {
  constructor(private readonly kernel: tf.Variable, private readonly candidate: tf.Variable) {}

  protected gates(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D[] {
    return tf.split(tf.sigmoid(tf.matMul(tf.concat([x, h], 1), this.kernel as tf.Tensor2D)), 3, 1);
  }

  forward(x: tf.Tensor2D, [h, c]: [tf.Tensor2D, tf.Tensor2D]): [tf.Tensor2D, tf.Tensor2D] {
    const [i, f, o] = this.gates(x, h).map((g) => tf.sigmoid(g));
    //                                            ~~~~~~~~~~~~~ stacked-activation
    const g = tf.tanh(tf.matMul(tf.concat([x, h], 1), this.candidate as tf.Tensor2D));
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D;
    return [tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D, cNext];
  }
}

// The same, split inline and destructured.
export function peepholeGates(z: tf.Tensor2D): tf.Tensor2D {
  const [i, f] = tf.split(tf.sigmoid(z), 2, 1);
  return tf.mul(tf.sigmoid(i), f);
  //            ~~~~~~~~~~~~~ stacked-activation
}

// A step function that squashes its incoming state, which it made with the same squash one step earlier.
const squash = (t: tf.Tensor2D): tf.Tensor2D => tf.tanh(t);

export function elmanStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const hIn = squash(h);
  //          ~~~~~~~~~ stacked-activation
  return squash(tf.add(tf.matMul(x, W), tf.matMul(hIn, U)));
}

// min-char-rnn's names: `hs` is the new state, fed back through `const [ys, h] = ...; hs = h`.
export function rnnStep(x: tf.Tensor2D, hprev: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, Why: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hs = tf.tanh(tf.add(tf.matMul(x, Wxh), tf.matMul(tf.tanh(hprev), Whh))) as tf.Tensor2D;
  //                                                     ~~~~~~~~~~~~~~ stacked-activation
  return [tf.matMul(hs, Why) as tf.Tensor2D, hs];
}

export function unroll(xs: tf.Tensor2D[], h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, Why: tf.Tensor2D): tf.Tensor2D[] {
  const outputs: tf.Tensor2D[] = [];
  let hs = h0;
  for (let t = 0; t < xs.length; t++) {
    const [ys, h] = rnnStep(xs[t]!, hs, Wxh, Whh, Why);
    hs = h;
    outputs.push(ys);
  }
  return outputs;
}

// The base squashes what an abstract method returns; the only implementation already squashes it.
export abstract class ForgetGateCell {
  constructor(protected readonly Wf: tf.Variable, protected readonly Wh: tf.Variable) {}

  protected abstract proposal(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const f = tf.sigmoid(tf.matMul(tf.concat([x, h], 1), this.Wf as tf.Tensor2D));
    const cand = tf.tanh(this.proposal(x, h));
    //           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    return tf.add(tf.mul(tf.sub(1, f), h), tf.mul(f, cand)) as tf.Tensor2D;
  }
}

export class MGUCell extends ForgetGateCell {
  protected override proposal(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.matMul(tf.concat([x, h], 1), this.Wh as tf.Tensor2D));
  }
}
