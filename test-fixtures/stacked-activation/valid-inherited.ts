// Look-alikes of stacking through hierarchies and across steps that are correct.
import * as tf from '@tensorflow/tfjs';

// A Jordan cell feeds back its raw (linear) output: squashing it when it is read is one activation.
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

export class JordanCell extends RecurrentBase {
  constructor(wIn: tf.Variable, wRec: tf.Variable, private readonly wOut: tf.Variable) {
    super(wIn, wRec);
  }

  override forward(input: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D } {
    const h = this.act(tf.add(tf.matMul(input, this.wIn as tf.Tensor2D), tf.matMul(this.readState(state), this.wRec as tf.Tensor2D)) as tf.Tensor2D);
    const y = tf.matMul(h, this.wOut as tf.Tensor2D) as tf.Tensor2D;
    return { output: y, state: y };
  }
}

// A subclass overrides `act` with the identity: `readState` no longer squashes for it.
export class LinearReadCell extends RecurrentBase {
  protected override act(z: tf.Tensor2D): tf.Tensor2D {
    return z;
  }

  override forward(input: tf.Tensor2D, state: tf.Tensor2D): { output: tf.Tensor2D; state: tf.Tensor2D } {
    const prev = this.readState(state);
    const h = tf.tanh(tf.add(tf.matMul(input, this.wIn as tf.Tensor2D), tf.matMul(prev, this.wRec as tf.Tensor2D))) as tf.Tensor2D;
    return { output: h, state: h };
  }
}

// LSTM gates split from one sigmoid block, a tanh candidate, and tanh of the (unsquashed) cell state.
export class FusedLSTM {
  constructor(private readonly kernel: tf.Variable, private readonly candidate: tf.Variable) {}

  protected gates(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D[] {
    return tf.split(tf.sigmoid(tf.matMul(tf.concat([x, h], 1), this.kernel as tf.Tensor2D)), 3, 1);
  }

  forward(x: tf.Tensor2D, [h, c]: [tf.Tensor2D, tf.Tensor2D]): [tf.Tensor2D, tf.Tensor2D] {
    const [i, f, o] = this.gates(x, h);
    const g = tf.tanh(tf.matMul(tf.concat([x, h], 1), this.candidate as tf.Tensor2D));
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D;
    return [tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D, cNext];
  }
}

// A GRU's gates come from the base class; the candidate squashes a linear map of the reset state.
export class GatedBase {
  constructor(protected readonly kernel: tf.Variable) {}

  protected gateBlock(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D[] {
    return tf.split(tf.sigmoid(tf.matMul(tf.concat([x, h], 1), this.kernel as tf.Tensor2D)), 2, 1);
  }
}

export class GRUCell extends GatedBase {
  constructor(kernel: tf.Variable, private readonly cand: tf.Variable) {
    super(kernel);
  }

  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [z, r] = this.gateBlock(x, h);
    const n = tf.tanh(tf.matMul(tf.concat([x, tf.mul(r, h)], 1), this.cand as tf.Tensor2D));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }
}

// Attention whose subclass rescales the base's scores (logits, not a softmax) before its softmax.
export class Scores {
  constructor(protected readonly w: tf.Variable) {}

  score(query: tf.Tensor2D, keys: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(query, tf.matMul(keys, this.w as tf.Tensor2D), false, true);
  }
}

export class ScaledAttention extends Scores {
  override score(query: tf.Tensor2D, keys: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(tf.div(super.score(query, keys), Math.sqrt(keys.shape[1])));
  }
}

// The incoming state is squashed for the readout only; the new state is a linear leaky mix.
export function leakyStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const out = tf.tanh(h) as tf.Tensor2D;
  const hNext = tf.add(tf.mul(0.9, h), tf.mul(0.1, tf.add(tf.matMul(x, W), tf.matMul(h, U)))) as tf.Tensor2D;
  return [out, hNext];
}

// An Elman step whose new state is the tanh; the readout applies a softmax after a linear layer.
export function elmanStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hNext = tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U))) as tf.Tensor2D;
  return [tf.softmax(tf.matMul(hNext, V)) as tf.Tensor2D, hNext];
}

// An abstract pre-activation: one implementation is linear, so the base's tanh is the only activation for it.
export abstract class ProposalCell {
  constructor(protected readonly Wh: tf.Variable) {}

  protected abstract proposal(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(this.proposal(x, h));
  }
}

export class LinearProposal extends ProposalCell {
  protected override proposal(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(tf.concat([x, h], 1), this.Wh as tf.Tensor2D);
  }
}

export class NormalisedProposal extends ProposalCell {
  protected override proposal(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const z = tf.matMul(tf.concat([x, h], 1), this.Wh as tf.Tensor2D);
    const { mean, variance } = tf.moments(z, -1, true);
    return tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, 1e-5))) as tf.Tensor2D;
  }
}
