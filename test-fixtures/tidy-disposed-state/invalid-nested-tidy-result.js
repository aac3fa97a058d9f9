import * as tf from '@tensorflow/tfjs';

// The inner tidy hands each new state to the outer one, which disposes it when it returns:
// `state.h` keeps pointing to a disposed tensor, read by the next `feed()` and by `snapshot()`.
export function createTracker(W) {
  const state = { h: tf.zeros([1, 16]), out: null };

  function feed(points) {
    const prevH = state.h;
    tf.tidy(() => {
      let h = prevH;
      points.forEach((p) => {
        h = tf.tidy(() => tf.tanh(tf.add(tf.matMul(tf.tensor2d([p]), W.wx), tf.matMul(h, W.wh))));
      });
      state.h = h;
//    ~~~~~~~~~~~ tidy-disposed-state
      state.out = tf.keep(tf.matMul(h, W.wOut));
    });
  }

  function snapshot() {
    return state.h.arraySync();
  }

  return { feed, snapshot };
}
