// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs-node';

export function listen(nextFrame, units, inputDim) {
  const cell = tf.layers.gruCell({ units });
  cell.build([null, inputDim]);
  let hidden = tf.zeros([1, units]);
  let frame = nextFrame();
  while (frame !== null) {
    tf.tidy(() => {
      const [, h] = cell.call([frame, hidden], {});
      hidden = h;
    });
    frame = nextFrame();
  }
  return hidden;
}
