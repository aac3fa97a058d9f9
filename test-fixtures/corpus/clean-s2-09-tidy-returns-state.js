// expect: none
import * as tf from '@tensorflow/tfjs';

export function generate(step, readout, embed, seedId, length, units) {
  let hx = tf.zeros([1, units]);
  let id = seedId;
  const out = [];

  for (let i = 0; i < length; i++) {
    const next = tf.tidy(() => step(embed(tf.tensor1d([id], 'int32')), hx));
    hx.dispose();
    hx = next;
    id = tf.tidy(() => readout(hx).argMax(-1).dataSync()[0]);
    out.push(id);
  }

  hx.dispose();
  return out;
}
