// expect: none
// Decoder loop bounded by seqLen over the time steps of one target sequence, with teacher forcing:
// the encoder memory is the same every step, the hidden state is fed back.
import * as tf from '@tensorflow/tfjs';

const H = 32;
const decoderCell = tf.layers.lstmCell({ units: H });
decoderCell.build([null, 16 + H]);

export function decodeTeacherForced(targets: tf.Tensor2D[], encoderSummary: tf.Tensor2D, seqLen: number): tf.Tensor[] {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  const outs: tf.Tensor[] = [];
  for (let t = 0; t < seqLen; t++) {
    const input = tf.concat([targets[t], encoderSummary], 1);
    const [out, hNext, cNext] = decoderCell.call([input, h, c], {}) as tf.Tensor[];
    h = hNext;
    c = cNext;
    outs.push(out);
  }
  return outs;
}
