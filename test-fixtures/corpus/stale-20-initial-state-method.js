// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export class Tagger {
  constructor(units) {
    this.units = units;
    this.cell = tf.layers.gruCell({ units });
    this.cell.build([null, 8]);
  }

  getInitialState() {
    return tf.zeros([1, this.units]);
  }

  tag(words) {
    const initial = this.getInitialState();
    const outputs = [];
    words.forEach((w, i) => {
      outputs[i] = this.cell.call([w, initial], {})[0];
    });
    return outputs;
  }
}
