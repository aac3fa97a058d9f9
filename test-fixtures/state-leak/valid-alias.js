// The same generator with a reset that builds a fresh state object each time.
const tf = require('@tensorflow/tfjs');

class MelodyRNN {
  constructor(cells, units) {
    this.cells = cells;
    this.units = units;
    this.state = this.zeroState();
  }

  zeroState() {
    return { c: this.cells.map(() => tf.zeros([1, this.units])), h: this.cells.map(() => tf.zeros([1, this.units])) };
  }

  reset() {
    this.state = this.zeroState();
  }

  setState(state) {
    this.state = state;
  }

  continueMelody(notes) {
    this.reset();
    const out = [];
    for (const x of notes) {
      const [c, h] = tf.multiRNNCell(this.cells, x, this.state.c, this.state.h);
      this.state.c = c;
      this.state.h = h;
      out.push(h[h.length - 1]);
    }
    return out;
  }
}

module.exports = { MelodyRNN };
