// expect: none
// Luong-style attention decoder with teacher forcing (PyTorch AttnDecoderRNN tutorial, tfjs port) on a padded copy task.
import * as tf from '@tensorflow/tfjs';

const PAD = 0, SOS = 1;
const VOCAB = 10;
const H = 24;
const MAX_LEN = 6;

const rnd = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.2));
const enc = { emb: rnd([VOCAB, H]), W: rnd([H, H]), U: rnd([H, H]) };
const dec = { emb: rnd([VOCAB, H]), W: rnd([2 * H, H]), U: rnd([H, H]), W_a: rnd([H, H]), W_out: rnd([2 * H, VOCAB]) };

// returns encoder_outputs [1, T, H] and the last hidden [1, H]
export function encode(tokens: number[]): { encoder_outputs: tf.Tensor3D; hidden: tf.Tensor2D } {
  let hidden = tf.zeros([1, H]) as tf.Tensor2D;
  const outs: tf.Tensor2D[] = [];
  for (const tok of tokens) {
    const x = tf.gather(enc.emb, [tok]) as tf.Tensor2D;
    hidden = tf.tanh(tf.matMul(x, enc.W).add(tf.matMul(hidden, enc.U))) as tf.Tensor2D;
    outs.push(hidden);
  }
  return { encoder_outputs: tf.stack(outs, 1) as tf.Tensor3D, hidden };
}

// one decoder step; encoder_outputs and mask are the same for every step of the sentence
export function decoderStep(input: number, hidden: tf.Tensor2D, encoder_outputs: tf.Tensor3D, mask: tf.Tensor2D) {
  const embedded = tf.gather(dec.emb, [input]) as tf.Tensor2D;
  // score(h_t, h_s) = h_s . (W_a h_t)
  const query = tf.matMul(hidden, dec.W_a).expandDims(2); // [1, H, 1]
  const scores = tf.matMul(encoder_outputs, query).squeeze([2]); // [1, T]
  const masked = tf.where(mask.cast('bool'), scores, tf.fill(scores.shape, -1e9));
  const attn_weights = tf.softmax(masked);
  const context = tf.matMul(attn_weights.expandDims(1), encoder_outputs).squeeze([1]) as tf.Tensor2D;
  const new_hidden = tf.tanh(tf.matMul(tf.concat([embedded, context], 1), dec.W).add(tf.matMul(hidden, dec.U))) as tf.Tensor2D;
  const output = tf.matMul(tf.concat([new_hidden, context], 1), dec.W_out) as tf.Tensor2D;
  return { output, hidden: new_hidden, attn_weights };
}

function padTo(tokens: number[]): { padded: number[]; mask: number[] } {
  const padded = tokens.concat(new Array(MAX_LEN - tokens.length).fill(PAD));
  return { padded, mask: padded.map((t) => (t === PAD ? 0 : 1)) };
}

export function trainPair(optimizer: tf.Optimizer, src: number[], tgt: number[], teacher_forcing = true): number {
  const { padded, mask } = padTo(src);
  const loss = optimizer.minimize(() => {
    const { encoder_outputs, hidden: enc_hidden } = encode(padded);
    const mask_t = tf.tensor2d([mask]);
    let decoder_hidden = enc_hidden;
    let decoder_input = SOS;
    let total = tf.scalar(0);
    for (const target of tgt) {
      const step = decoderStep(decoder_input, decoder_hidden, encoder_outputs, mask_t);
      decoder_hidden = step.hidden;
      total = total.add(tf.losses.softmaxCrossEntropy(tf.oneHot([target], VOCAB), step.output));
      decoder_input = teacher_forcing ? target : step.output.argMax(1).dataSync()[0];
    }
    return total.div(tgt.length) as tf.Scalar;
  }, true) as tf.Scalar;
  const v = loss.dataSync()[0];
  loss.dispose();
  return v;
}

export function translate(src: number[]): number[] {
  return tf.tidy(() => {
    const { padded, mask } = padTo(src);
    const { encoder_outputs, hidden } = encode(padded);
    const mask_t = tf.tensor2d([mask]);
    let decoder_hidden = hidden;
    let decoder_input = SOS;
    const decoded: number[] = [];
    for (let i = 0; i < src.length; i++) {
      const step = decoderStep(decoder_input, decoder_hidden, encoder_outputs, mask_t);
      decoder_hidden = step.hidden;
      decoder_input = step.output.argMax(1).dataSync()[0];
      decoded.push(decoder_input);
    }
    return decoded;
  });
}

function main(): void {
  const optimizer = tf.train.adam(0.01);
  let running = 0;
  for (let it = 1; it <= 150; it++) {
    const len = 2 + Math.floor(Math.random() * (MAX_LEN - 2));
    const src = Array.from({ length: len }, () => 2 + Math.floor(Math.random() * (VOCAB - 2)));
    running += trainPair(optimizer, src, src, Math.random() < 0.7);
    if (it % 50 === 0) {
      console.log(`iter ${it} loss ${(running / 50).toFixed(4)}`);
      running = 0;
    }
  }
  console.log('copy [3,5,7] ->', translate([3, 5, 7]));
}

main();
