// expect: returns-input-state
// Seq2seq date-format normaliser trained with teacher forcing inside optimizer.minimize; decoderStep() computes hNew and uses it for the logits but returns the h it was given as the next state.
import * as tf from '@tensorflow/tfjs';

const INPUT_VOCAB = 40;
const OUTPUT_VOCAB = 13;   // digits, '-', <bos>, <eos>
const BOS = 11;
const UNITS = 96;

type Params = { [k: string]: tf.Variable };

function glorot(shape: number[], name: string): tf.Variable {
  const limit = Math.sqrt(6 / (shape[0] + shape[shape.length - 1]));
  return tf.variable(tf.randomUniform(shape, -limit, limit), true, name);
}

export function initParams(): Params {
  return {
    encEmb: glorot([INPUT_VOCAB, 32], 'encEmb'),
    encW: glorot([32 + UNITS, UNITS], 'encW'),
    decEmb: glorot([OUTPUT_VOCAB, 32], 'decEmb'),
    decW: glorot([32 + UNITS, UNITS], 'decW'),
    outW: glorot([UNITS, OUTPUT_VOCAB], 'outW'),
  };
}

function encode(p: Params, src: tf.Tensor2D): tf.Tensor2D {
  const [batch, len] = src.shape;
  let h: tf.Tensor2D = tf.zeros([batch, UNITS]);
  for (let t = 0; t < len; t++) {
    const ids = src.slice([0, t], [batch, 1]).reshape([batch]);
    const e = tf.gather(p.encEmb, ids as tf.Tensor1D) as tf.Tensor2D;
    h = tf.tanh(tf.matMul(tf.concat([e, h], 1), p.encW as tf.Tensor2D)) as tf.Tensor2D;
  }
  return h;
}

function decoderStep(p: Params, prevIds: tf.Tensor1D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const e = tf.gather(p.decEmb, prevIds) as tf.Tensor2D;
  const hNew = tf.tanh(tf.matMul(tf.concat([e, h], 1), p.decW as tf.Tensor2D));
  const logits = tf.matMul(hNew, p.outW as tf.Tensor2D) as tf.Tensor2D;
  return [logits, h];
}

export function teacherForcedLoss(p: Params, src: tf.Tensor2D, tgt: tf.Tensor2D): tf.Scalar {
  const [batch, tgtLen] = tgt.shape;
  let h = encode(p, src);
  let prev = tf.fill([batch], BOS, 'int32') as tf.Tensor1D;
  const losses: tf.Scalar[] = [];
  for (let t = 0; t < tgtLen; t++) {
    const gold = tgt.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D;
    const [logits, hNext] = decoderStep(p, prev, h);
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot(gold, OUTPUT_VOCAB), logits) as tf.Scalar);
    h = hNext;
    prev = gold;
  }
  return tf.addN(losses).div(tgtLen) as tf.Scalar;
}

export async function fit(
  p: Params,
  data: Array<{ src: tf.Tensor2D; tgt: tf.Tensor2D }>,
  epochs: number,
  report: (epoch: number, loss: number) => void,
): Promise<void> {
  const optimizer = tf.train.adam(3e-3);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (const { src, tgt } of data) {
      const loss = optimizer.minimize(() => teacherForcedLoss(p, src, tgt), true, Object.values(p));
      sum += loss ? (await loss.data())[0] : NaN;
      loss?.dispose();
    }
    report(epoch, sum / data.length);
  }
}
