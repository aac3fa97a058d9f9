// expect: none
import * as tf from '@tensorflow/tfjs-node';

export function listen(nextFrame, units, inputDim) {
  const cell = tf.layers.gruCell({ units });
  cell.build([null, inputDim]);
  let hidden = tf.zeros([1, units]);
  let frame = nextFrame();
  while (frame !== null) {
    const previous = hidden;
    hidden = tf.tidy(() => cell.call([frame, previous], {})[1]);
    previous.dispose();
    frame = nextFrame();
  }
  return hidden;
}
