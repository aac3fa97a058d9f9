// expect: none
import * as tf from '@tensorflow/tfjs';

export class Unit {
  constructor(W, U, readout) {
    this.W = W;
    this.U = U;
    this.readout = readout;
  }

  update(x, s) {
    return x.matMul(this.W).add(s.matMul(this.U)).tanh();
  }

  // Look at the current state without advancing it.
  peek(s) {
    return [this.readout.apply(s), s];
  }

  run(xs, s0) {
    return xs.reduce((s, x) => this.update(x, s), s0);
  }
}
