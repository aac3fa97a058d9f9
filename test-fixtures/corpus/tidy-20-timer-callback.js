// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function startListening(step, nextFrame, units, onState) {
  let state = tf.zeros([1, units]);
  return setInterval(() => {
    tf.tidy(() => {
      state = step(nextFrame(), state);
      onState(state.dataSync());
    });
  }, 50);
}
