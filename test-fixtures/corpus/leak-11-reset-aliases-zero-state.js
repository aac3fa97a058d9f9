// expect: state-leak
// reset() points the state at the zero-state object, and the step loop then writes the new
// tensors into that same object: after the first run, "reset" restores the last state, so every
// supposedly fresh generation continues from the previous one (same shape as a bug seen in real
// char-RNN code).
import * as tf from '@tensorflow/tfjs';

export class CharGenerator {
  constructor(cells, units) {
    this.cells = cells;
    this.zeroState = { c: cells.map(() => tf.zeros([1, units])), h: cells.map(() => tf.zeros([1, units])) };
    this.state = this.zeroState;
  }

  reset() {
    this.state = this.zeroState;
  }

  generate(onehots) {
    this.reset();
    const outputs = [];
    for (const x of onehots) {
      const [c, h] = tf.multiRNNCell(this.cells, x, this.state.c, this.state.h);
      this.state.c = c;
      this.state.h = h;
      outputs.push(h[h.length - 1]);
    }
    return outputs;
  }
}
