// expect: state-leak
// Closer to the real ml5 CharRNN shape than leak-11: an async generator method writes the new
// states into `this.state.c` / `this.state.h` after `tf.multiRNNCell` (chosen in an if/else), and
// reset() / the stateless path point `this.state` at `this.zeroState` — the same object, so the zero
// state is overwritten by the first generation and "reset" no longer resets.
import * as tf from '@tensorflow/tfjs';

export class CharModel {
  constructor(cells, units, vocabSize, embedding) {
    this.cells = cells;
    this.vocabSize = vocabSize;
    this.embedding = embedding;
    this.zeroState = { c: [], h: [] };
    for (let i = 0; i < cells.length; i += 1) {
      this.zeroState.c.push(tf.zeros([1, units]));
      this.zeroState.h.push(tf.zeros([1, units]));
    }
    this.state = this.zeroState;
  }

  reset() {
    this.state = this.zeroState;
  }

  async generate(seedIds, length, stateful = false) {
    if (!stateful) {
      this.state = this.zeroState;
    }
    const results = [];
    let input = seedIds[0];
    for (let i = 0; i < seedIds.length + length - 1; i += 1) {
      const onehot = tf.oneHot(tf.tensor1d([input], 'int32'), this.vocabSize).toFloat();
      let output;
      if (this.embedding) {
        output = tf.multiRNNCell(this.cells, tf.matMul(onehot, this.embedding), this.state.c, this.state.h);
      } else {
        output = tf.multiRNNCell(this.cells, onehot, this.state.c, this.state.h);
      }
      this.state.c = output[0];
      this.state.h = output[1];
      const top = this.state.h[this.state.h.length - 1];
      const next = (await top.argMax(1).data())[0];
      input = i < seedIds.length - 1 ? seedIds[i + 1] : next;
      if (i >= seedIds.length - 1) results.push(next);
    }
    return results;
  }
}
