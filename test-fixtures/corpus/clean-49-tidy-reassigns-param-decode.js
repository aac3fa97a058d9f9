// expect: none
// A parameter reassigned inside tf.tidy and only read inside the same callback: nothing escapes
// the tidy, no state is carried (reduced from a false positive on tfjs-examples addition-rnn).
import * as tf from '@tensorflow/tfjs';

export class Vocabulary {
  constructor(symbols) {
    this.symbols = symbols;
  }

  toText(logits, takeArgMax = true) {
    return tf.tidy(() => {
      if (takeArgMax) {
        logits = logits.argMax(-1);
      }
      return Array.from(logits.dataSync(), (id) => this.symbols[id]).join('');
    });
  }
}
