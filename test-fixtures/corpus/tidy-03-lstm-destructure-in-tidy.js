// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

const units = 16;
const cell = tf.layers.lstmCell({ units });
cell.build([null, 4]);

export function encodeFrames(frames) {
  let h = tf.zeros([1, units]);
  let c = tf.zeros([1, units]);
  const outputs = [];
  for (const x of frames) {
    tf.tidy(() => {
      let out;
      [out, h, c] = cell.call([x, h, c], {});
      outputs.push(out.dataSync()[0]);
    });
  }
  return outputs;
}
