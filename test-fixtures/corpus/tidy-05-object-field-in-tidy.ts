// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

interface RecurrentState {
  h: tf.Tensor;
}

const cell = tf.layers.simpleRNNCell({ units: 4 });
cell.build([null, 2]);

export function feedAll(frames: tf.Tensor2D[], state: RecurrentState): void {
  for (const x of frames) {
    tf.tidy(() => {
      const [, next] = cell.call([x, state.h], {}) as tf.Tensor[];
      state.h = next;
    });
  }
}
