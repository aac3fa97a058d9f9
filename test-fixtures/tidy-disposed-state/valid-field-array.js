// Look-alikes of invalid-field-array.js that are correct: each frame kept (or a kept clone), the
// frames collected into a local array returned from tidy, a number pushed instead of a tensor, and
// a field array that is only counted and disposed.
const tf = require('@tensorflow/tfjs');

class KeptRecorder {
  constructor(stepFn, units) {
    this.stepFn = stepFn;
    this.units = units;
    this.frames = [];
  }

  run(sequence) {
    return tf.tidy(() => {
      let h = tf.zeros([1, this.units]);
      for (const value of sequence) {
        h = this.stepFn(tf.tensor2d([[value]]), h);
        this.frames.push(tf.keep(h));
      }
      return h;
    });
  }

  runCloned(sequence) {
    return tf.tidy(() => {
      let h = tf.zeros([1, this.units]);
      for (const value of sequence) {
        h = this.stepFn(tf.tensor2d([[value]]), h);
        this.frames.push(tf.keep(h.clone()));
      }
      return h;
    });
  }

  toMatrix() {
    return this.frames.map((f) => f.arraySync()[0]);
  }
}

class ReturnedRecorder {
  constructor(stepFn, units) {
    this.stepFn = stepFn;
    this.units = units;
    this.frames = [];
  }

  run(sequence) {
    const out = tf.tidy(() => {
      let h = tf.zeros([1, this.units]);
      const frames = [];
      for (const value of sequence) {
        h = this.stepFn(tf.tensor2d([[value]]), h);
        frames.push(h);
      }
      return { h, frames };
    });
    this.frames = out.frames;
    return out.h;
  }

  toMatrix() {
    return this.frames.map((f) => f.arraySync()[0]);
  }
}

class ScalarRecorder {
  constructor(stepFn, units) {
    this.stepFn = stepFn;
    this.units = units;
    this.trace = [];
    this.states = [];
  }

  run(sequence) {
    return tf.tidy(() => {
      let h = tf.zeros([1, this.units]);
      for (const value of sequence) {
        h = this.stepFn(tf.tensor2d([[value]]), h);
        this.trace.push(h.dataSync()[0]);
        this.states.push(h);
      }
      return h;
    });
  }

  steps() {
    return this.trace.slice();
  }

  count() {
    return this.states.length;
  }

  dispose() {
    tf.dispose(this.states);
    this.states = [];
  }
}

module.exports = { KeptRecorder, ReturnedRecorder, ScalarRecorder };
