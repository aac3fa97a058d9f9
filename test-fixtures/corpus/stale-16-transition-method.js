// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export class Automaton {
  constructor(dIn, dState) {
    this.A = tf.variable(tf.randomNormal([dState, dState], 0, 0.1));
    this.B = tf.variable(tf.randomNormal([dIn, dState], 0, 0.1));
    this.dState = dState;
  }

  transition(input, prev) {
    return tf.tanh(prev.matMul(this.A).add(input.matMul(this.B)));
  }

  runAll(inputs) {
    const s0 = tf.zeros([1, this.dState]);
    const visited = [];
    for (let i = 0; ; i++) {
      if (i >= inputs.length) break;
      visited.push(this.transition(inputs[i], s0));
    }
    return visited;
  }
}
