// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function streamLSTM(lstmStep, frames, units) {
  const carry = { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
  const outputs = [];

  for (const frame of frames) {
    const prev = carry.h;
    carry.h = tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const [h, c] = lstmStep(x, carry.h, carry.c);
      carry.c = c;
      return h;
    });
    prev.dispose();
    outputs.push(carry.h.arraySync()[0]);
  }

  return outputs;
}
