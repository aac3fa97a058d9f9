// Activations read back from an array the recurrence filled with activation outputs.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

export function lastSummary(xs: tf.Tensor2D[]): tf.Tensor {
  const hs: tf.Tensor2D[] = [];
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  for (const x of xs) {
    h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
    hs.push(h);
  }
  return tf.tanh(hs[hs.length - 1]);
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function lastRelu(xs: tf.Tensor2D[]): tf.Tensor {
  const outputs: tf.Tensor[] = [];
  let h: tf.Tensor = tf.zeros([1, 8]);
  xs.forEach((x) => {
    h = x.matMul(Wx).add(h.matMul(Wh)).tanh();
    outputs.push(h);
  });
  return tf.relu(outputs.at(-1)!);
//       ~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export class Encoder {
  encode(xs: tf.Tensor2D[]): { hs: tf.Tensor2D[]; n: number } {
    const hs: tf.Tensor2D[] = [];
    let h = tf.zeros([1, 8]) as tf.Tensor2D;
    for (const x of xs) {
      h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
      hs.push(h);
    }
    return { hs, n: xs.length };
  }

  score(xs: tf.Tensor2D[]): tf.Tensor {
    const { hs } = this.encode(xs);
    return tf.leakyRelu(hs[hs.length - 1], 0.1);
//         ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}
