import * as tf from '@tensorflow/tfjs';

// Same shape, but the state made by the inner tidy is kept before the outer tidy returns.
export function createTracker(W) {
  const state = { h: tf.zeros([1, 16]), out: null };

  function feed(points) {
    const prevH = state.h;
    tf.tidy(() => {
      let h = prevH;
      points.forEach((p) => {
        h = tf.tidy(() => tf.tanh(tf.add(tf.matMul(tf.tensor2d([p]), W.wx), tf.matMul(h, W.wh))));
      });
      state.h = tf.keep(h);
      state.out = tf.keep(tf.matMul(h, W.wOut));
    });
    prevH.dispose();
  }

  function snapshot() {
    return state.h.arraySync();
  }

  return { feed, snapshot };
}
