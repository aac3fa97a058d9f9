// A cell known only by its type: the decoder receives the encoder's state at every step.
import * as tf from '@tensorflow/tfjs';

export function decode(decoder: tf.layers.RNNCell, tokens: tf.Tensor2D[], encoderFinal: tf.Tensor): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (let step = 0; step < tokens.length; step++) {
    const [o] = decoder.call([tokens[step]!, encoderFinal], {}) as tf.Tensor[];
//                                           ~~~~~~~~~~~~ stale-state
    outs.push(o!);
  }
  return outs;
}

// Scoring alternatives for ONE next step from the same state is not stale (a fan-out).
export function rankContinuations(continuations: tf.Tensor2D[], h: tf.Tensor, cell: tf.layers.RNNCell): number[] {
  return Array.from(continuations, (c) => ((cell.call([c, h], {}) as tf.Tensor[])[0]!).sum().dataSync()[0]!);
}

// A fresh copy of the initial state is handed to every step.
export function runCopies(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], state0: tf.Tensor2D): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (const x of xs) {
    const [y] = cell.call([x, state0.clone()], {}) as tf.Tensor[];
//                            ~~~~~~~~~~~~~~ stale-state
    outs.push(y!);
  }
  return outs;
}

// A method not named like a step, found by its state parameter and the zero start state.
export class Automaton {
  private A = tf.variable(tf.randomNormal([4, 4], 0, 0.1));
  private B = tf.variable(tf.randomNormal([2, 4], 0, 0.1));

  transition(input: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(hPrev.matMul(this.A).add(input.matMul(this.B))) as tf.Tensor2D;
  }

  runAll(inputs: tf.Tensor2D[]): tf.Tensor2D[] {
    const s0 = tf.zeros([1, 4]) as tf.Tensor2D;
    const visited: tf.Tensor2D[] = [];
    for (let i = 0; ; i++) {
      if (i >= inputs.length) break;
      visited.push(this.transition(inputs[i]!, s0));
//                                             ~~ stale-state
    }
    return visited;
  }
}
