// expect: none
import * as tf from '@tensorflow/tfjs';

// mask[t] is [batch, 1] with 1 for real tokens and 0 for padding
export function maskedStep(cell, x, h, mask) {
  return tf.tidy(() => {
    const candidate = cell(x, h);
    return candidate.mul(mask).add(h.mul(tf.sub(1, mask)));
  });
}

export function encodePadded(cell, xs, masks, units) {
  const batch = xs[0].shape[0];
  let h = tf.zeros([batch, units]);
  for (let t = 0; t < xs.length; t++) {
    const next = maskedStep(cell, xs[t], h, masks[t]);
    h.dispose();
    h = next;
  }
  return h;
}

export function buildMasks(lengths, maxLen) {
  const masks = [];
  for (let t = 0; t < maxLen; t++) {
    masks.push(tf.tensor2d(lengths.map((len) => [t < len ? 1 : 0])));
  }
  return masks;
}
