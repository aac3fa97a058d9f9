// A builder makes a window model for training and a stateful copy that replays each user's clicks.
import * as tf from '@tensorflow/tfjs';

function build(stateful: boolean): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.gru(stateful ? { units: 8, stateful: true, batchInputShape: [1, 1, 4] } : { units: 8, inputShape: [6, 4] }));
  m.add(tf.layers.dense({ units: 4, activation: 'softmax' }));
  return m;
}

export function replay(model: tf.LayersModel, users: number[][][][]): number[] {
  const hits: number[] = [];
  for (const clicks of users) {
    let n = 0;
    for (const c of clicks) {
      const p = model.predict(tf.tensor3d([c])) as tf.Tensor;
      //        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
      n += p.argMax(-1).dataSync()[0]!;
    }
    hits.push(n);
  }
  return hits;
}

export const online = build(true);
export const trained = build(false);
