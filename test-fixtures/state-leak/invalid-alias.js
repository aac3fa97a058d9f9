// reset() points the state at the zero-state object, and the loop writes into that object: after
// the first melody, "reset" restores the last state instead of zeros.
const tf = require('@tensorflow/tfjs');

class MelodyRNN {
  constructor(cells, units) {
    this.cells = cells;
    this.initial = { c: cells.map(() => tf.zeros([1, units])), h: cells.map(() => tf.zeros([1, units])) };
    this.state = this.initial;
  }

  reset() {
    this.state = this.initial;
  }

  setState(state) {
    this.state = state;
  }

  continueMelody(notes) {
    this.reset();
    const out = [];
    for (const x of notes) {
      const [c, h] = tf.multiRNNCell(this.cells, x, this.state.c, this.state.h);
//                                                  ~~~~~~~~~~~~ state-leak
      this.state.c = c;
      this.state.h = h;
      out.push(h[h.length - 1]);
    }
    return out;
  }
}

module.exports = { MelodyRNN };
