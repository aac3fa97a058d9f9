// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export class Scorer {
  static model: tf.Sequential;
  static {
    Scorer.model = tf.sequential();
    Scorer.model.add(tf.layers.simpleRNN({ units: 8, stateful: true, batchInputShape: [1, 10, 2] }));
    Scorer.model.add(tf.layers.dense({ units: 1 }));
  }

  static scoreAll(signals: readonly tf.Tensor3D[]): number[] {
    const out: number[] = [];
    for (const signal of signals) {
      out.push((Scorer.model.predict(signal) as tf.Tensor).dataSync()[0]);
    }
    return out;
  }
}
