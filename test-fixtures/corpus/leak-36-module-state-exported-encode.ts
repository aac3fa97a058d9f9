// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const units = 8;
const cell = tf.layers.gruCell({ units });
cell.build([null, 5]);
let h: tf.Tensor = tf.zeros([1, units]);

/** Encodes one document. */
export function encodeDocument(tokens: tf.Tensor2D[]): tf.Tensor {
  for (const tok of tokens) {
    [, h] = cell.call([tok, h], {}) as tf.Tensor[];
  }
  return h;
}

export function encodeLibrary(docs: tf.Tensor2D[][]): tf.Tensor[] {
  return docs.map((d) => encodeDocument(d));
}
