// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class Unit {
  constructor(W, U) {
    this.W = W;
    this.U = U;
  }

  update(x, s) {
    const sNext = x.matMul(this.W).add(s.matMul(this.U)).tanh();
    return s;
  }

  run(xs, s0) {
    return xs.reduce((s, x) => this.update(x, s), s0);
  }
}
