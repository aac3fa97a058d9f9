// A reducer over the readings of one stream carries `h` in its accumulator but the cell always reads the seed's state.
import * as tf from '@tensorflow/tfjs';

interface Weights { wx: tf.Tensor2D; wh: tf.Tensor2D; wOut: tf.Tensor2D }
interface Fold { h: tf.Tensor2D; outputs: tf.Tensor2D[] }

function cell(w: Weights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, w.wx), tf.matMul(h, w.wh))) as tf.Tensor2D;
}

export function smooth(w: Weights, samples: Array<[number, number]>, start: tf.Tensor2D): Fold {
  return samples.reduce<Fold>(
    (acc, [a, b]) => {
      const x = tf.tensor2d([[a, b]]);
      const hNext = cell(w, x, start);
//                             ~~~~~ stale-state
      return { h: hNext, outputs: [...acc.outputs, tf.matMul(hNext, w.wOut) as tf.Tensor2D] };
    },
    { h: start, outputs: [] },
  );
}
