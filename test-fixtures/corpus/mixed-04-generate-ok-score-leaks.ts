// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const vocab = 30;
const lm = tf.sequential();
lm.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, 1, vocab] }));
lm.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));

function oneHot(id: number): tf.Tensor3D {
  return tf.oneHot([id], vocab).toFloat().reshape([1, 1, vocab]) as tf.Tensor3D;
}

export function generate(seed: number, n: number): number[] {
  lm.resetStates();
  const ids = [seed];
  for (let i = 0; i < n; i++) {
    const p = lm.predict(oneHot(ids[ids.length - 1])) as tf.Tensor2D;
    ids.push(p.argMax(-1).dataSync()[0]);
  }
  return ids;
}

// Log-likelihood of each name on its own; the GRU state is never cleared between names.
export function scoreNames(names: number[][]): number[] {
  return names.map((name) => {
    let ll = 0;
    for (let i = 0; i + 1 < name.length; i++) {
      const p = lm.predict(oneHot(name[i])) as tf.Tensor2D;
      ll += Math.log(p.dataSync()[name[i + 1]]);
    }
    return ll;
  });
}
