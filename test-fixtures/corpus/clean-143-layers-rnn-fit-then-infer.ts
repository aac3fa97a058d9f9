// expect: none
// Training goes through model.fit on a tf.layers.rnn model (tfjs does BPTT itself); inference
// reads states back to JS only for display.
import * as tf from '@tensorflow/tfjs';

export async function trainAndShow(xs: tf.Tensor3D, ys: tf.Tensor2D): Promise<number[][]> {
  const cell = tf.layers.gruCell({ units: 8 });
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell, inputShape: [xs.shape[1], xs.shape[2]] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 2 });

  const steps = tf.unstack(xs.slice([0, 0, 0], [1, -1, -1]).squeeze([0])) as tf.Tensor1D[];
  let h: tf.Tensor = tf.zeros([1, 8]);
  const shown: number[][] = [];
  for (const s of steps) {
    [, h] = cell.call([s.expandDims(0), h], {}) as tf.Tensor[];
    shown.push(Array.from(h.dataSync()));
  }
  return shown;
}
