// A state recorder: every step's state is pushed into a field array inside tf.tidy, and another
// method reads the frames later. Only the last state is returned; every earlier frame is disposed.
const tf = require('@tensorflow/tfjs');

class StateRecorder {
  constructor(stepFn, units) {
    this.stepFn = stepFn;
    this.units = units;
    this.frames = [];
  }

  run(sequence) {
    this.frames = [];
    return tf.tidy(() => {
      let h = tf.zeros([1, this.units]);
      for (const value of sequence) {
        h = this.stepFn(tf.tensor2d([[value]]), h);
        this.frames.push(h);
//      ~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      }
      return h;
    });
  }

  toMatrix() {
    return this.frames.map((f) => f.arraySync()[0]);
  }
}

class LastStateProbe {
  constructor(cell) {
    this.cell = cell;
    this.states = [];
  }

  probe(x, hidden) {
    tf.tidy(() => {
      const state = this.cell(x, hidden);
      this.states.push(state);
//    ~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    });
  }

  latest() {
    return this.states[this.states.length - 1].dataSync();
  }
}

module.exports = { StateRecorder, LastStateProbe };
