// expect: none
// A complete small seq2seq with attention: encoder unroll, decoder with teacher forcing and
// attention over the encoder outputs (passed unchanged every step), training inside minimize,
// greedy decoding with state returned from tidy.
import * as tf from '@tensorflow/tfjs';

export interface Params {
  encW: tf.Variable; encU: tf.Variable;
  decW: tf.Variable; decU: tf.Variable;
  attQ: tf.Variable; attK: tf.Variable; attV: tf.Variable;
  out: tf.Variable;
}

export function initParams(inDim: number, outDim: number, H: number): Params {
  const v = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.1));
  return {
    encW: v([inDim, H]), encU: v([H, H]),
    decW: v([outDim + H, H]), decU: v([H, H]),
    attQ: v([H, H]), attK: v([H, H]), attV: v([H, 1]),
    out: v([H, outDim]),
  };
}

function encoderStep(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, p.encW as tf.Tensor2D).add(tf.matMul(h, p.encU as tf.Tensor2D))) as tf.Tensor2D;
}

function attend(p: Params, h: tf.Tensor2D, memory: tf.Tensor2D): tf.Tensor2D {
  const energy = tf.tanh(tf.matMul(memory, p.attK as tf.Tensor2D).add(tf.matMul(h, p.attQ as tf.Tensor2D))) as tf.Tensor2D;
  const weights = tf.softmax(tf.matMul(energy, p.attV as tf.Tensor2D).reshape([1, -1]));
  return tf.matMul(weights, memory) as tf.Tensor2D;
}

function decoderStep(p: Params, y: tf.Tensor2D, h: tf.Tensor2D, memory: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const context = attend(p, h, memory);
  const hNew = tf.tanh(tf.matMul(tf.concat([y, context], 1), p.decW as tf.Tensor2D).add(tf.matMul(h, p.decU as tf.Tensor2D))) as tf.Tensor2D;
  const logits = tf.matMul(hNew, p.out as tf.Tensor2D) as tf.Tensor2D;
  return [logits, hNew];
}

function encode(p: Params, src: tf.Tensor2D[], H: number): { memory: tf.Tensor2D; last: tf.Tensor2D } {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [];
  for (const x of src) {
    h = encoderStep(p, x, h);
    states.push(h);
  }
  return { memory: tf.concat(states, 0) as tf.Tensor2D, last: h };
}

export function trainPair(p: Params, opt: tf.Optimizer, src: tf.Tensor2D[], tgtIn: tf.Tensor2D[], tgtOut: tf.Tensor2D[], H: number): number {
  const loss = opt.minimize(() => {
    const { memory, last } = encode(p, src, H);
    let h = last;
    let total = tf.scalar(0);
    for (let t = 0; t < tgtIn.length; t++) {
      const [logits, hNext] = decoderStep(p, tgtIn[t], h, memory);
      h = hNext;
      total = total.add(tf.losses.softmaxCrossEntropy(tgtOut[t], logits));
    }
    return total.div(tgtIn.length) as tf.Scalar;
  }, true);
  return loss!.dataSync()[0];
}

export function greedyDecode(p: Params, src: tf.Tensor2D[], start: tf.Tensor2D, maxLen: number, H: number): number[] {
  const { memory, last } = tf.tidy(() => encode(p, src, H));
  let h = last;
  let y = start;
  const ids: number[] = [];
  for (let t = 0; t < maxLen; t++) {
    const prev = h;
    const [logits, hNext] = tf.tidy(() => decoderStep(p, y, prev, memory));
    h = hNext;
    prev.dispose();
    const id = logits.argMax(-1).dataSync()[0];
    ids.push(id);
    y = tf.oneHot([id], start.shape[1]).toFloat() as tf.Tensor2D;
  }
  return ids;
}
