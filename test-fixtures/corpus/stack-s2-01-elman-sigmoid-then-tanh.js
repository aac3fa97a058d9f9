// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function makeRNN(inputDim, hiddenDim) {
  const Wxh = tf.variable(tf.randomUniform([inputDim, hiddenDim], -0.1, 0.1));
  const Whh = tf.variable(tf.randomUniform([hiddenDim, hiddenDim], -0.1, 0.1));
  const bh = tf.variable(tf.zeros([hiddenDim]));

  const step = (x, h) =>
    tf.tidy(() => {
      const pre = tf.matMul(x, Wxh).add(tf.matMul(h, Whh)).add(bh);
      const squashed = tf.sigmoid(pre);
      return tf.tanh(squashed);
    });

  const unroll = (xs, h0) => {
    let h = h0;
    for (const x of xs) {
      const next = step(x, h);
      if (h !== h0) h.dispose();
      h = next;
    }
    return h;
  };

  return { step, unroll, weights: [Wxh, Whh, bh] };
}
