// expect: none
import * as tf from '@tensorflow/tfjs';

export function startListening(step, nextFrame, units, onState) {
  let state = tf.zeros([1, units]);
  return setInterval(() => {
    const prev = state;
    state = tf.tidy(() => step(nextFrame(), prev));
    prev.dispose();
    onState(state.dataSync());
  }, 50);
}
