// expect: state-leak
// As leak-44, with the zero state filled in by an async init method (as ml5 CharRNN does after
// loading its checkpoint) instead of the constructor: `this.state = this.zeroState` aliases it, and
// the generation loop then overwrites the zero state through `this.state.c` / `this.state.h`.
import * as tf from '@tensorflow/tfjs';

export class LoadedCharModel {
  constructor(vocabSize) {
    this.vocabSize = vocabSize;
    this.cells = [];
    this.zeroState = { c: [], h: [] };
    this.state = { c: [], h: [] };
  }

  async init(weights) {
    this.cells = [];
    this.zeroState = { c: [], h: [] };
    const forgetBias = tf.scalar(1);
    weights.forEach(({ kernel, bias }) => {
      this.cells.push((data, c, h) => tf.basicLSTMCell(forgetBias, kernel, bias, data, c, h));
      this.zeroState.c.push(tf.zeros([1, bias.shape[0] / 4]));
      this.zeroState.h.push(tf.zeros([1, bias.shape[0] / 4]));
    });
    this.state = this.zeroState;
  }

  reset() {
    this.state = this.zeroState;
  }

  async generate(seedIds, length) {
    this.reset();
    const results = [];
    let input = seedIds[0];
    for (let i = 0; i < seedIds.length + length - 1; i += 1) {
      const onehot = tf.oneHot(tf.tensor1d([input], 'int32'), this.vocabSize).toFloat();
      const output = tf.multiRNNCell(this.cells, onehot, this.state.c, this.state.h);
      this.state.c = output[0];
      this.state.h = output[1];
      const next = (await this.state.h[this.state.h.length - 1].argMax(1).data())[0];
      input = i < seedIds.length - 1 ? seedIds[i + 1] : next;
      if (i >= seedIds.length - 1) results.push(next);
    }
    return results;
  }
}
