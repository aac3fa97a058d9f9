// expect: none
// Trains a toy sequence reverser (encoder-decoder LSTM) with teacher forcing; decoder starts from the encoder's h and c.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 8; // 0 = <s>, 1..7 = symbols
const UNITS = 20;

type State = [tf.Tensor2D, tf.Tensor2D];

function lstmWeights(inDim: number, seed: number) {
  return {
    w: tf.variable(tf.randomNormal([inDim + UNITS, 4 * UNITS], 0, 0.2, 'float32', seed)),
    b: tf.variable(tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])])),
  };
}

const enc = lstmWeights(VOCAB, 1);
const dec = lstmWeights(VOCAB, 2);
const wOut = tf.variable(tf.randomNormal([UNITS, VOCAB], 0, 0.2, 'float32', 3));
const bOut = tf.variable(tf.zeros([VOCAB]));

function lstmStep(p: { w: tf.Variable; b: tf.Variable }, x: tf.Tensor2D, [h, c]: State): State {
  const gates = tf.add(tf.matMul(tf.concat([x, h], 1), p.w as tf.Tensor2D), p.b);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
  return [hNext, cNext];
}

const oneHot = (ids: number[]) => tf.oneHot(tf.tensor1d(ids, 'int32'), VOCAB).toFloat() as tf.Tensor2D;

function encode(src: number[][]): State {
  const batch = src.length;
  let state: State = [tf.zeros([batch, UNITS]), tf.zeros([batch, UNITS])];
  for (let t = 0; t < src[0].length; t++) {
    state = lstmStep(enc, oneHot(src.map((row) => row[t])), state);
  }
  return state;
}

function sequenceLoss(src: number[][], tgt: number[][]): tf.Scalar {
  let state = encode(src);
  const losses: tf.Scalar[] = [];
  let prev = src.map(() => 0);
  for (let t = 0; t < tgt[0].length; t++) {
    state = lstmStep(dec, oneHot(prev), state);
    const logits = tf.add(tf.matMul(state[0], wOut as tf.Tensor2D), bOut);
    const gold = tgt.map((row) => row[t]);
    losses.push(tf.losses.softmaxCrossEntropy(oneHot(gold), logits) as tf.Scalar);
    prev = gold; // teacher forcing: feed the reference token, not the prediction
  }
  return tf.div(tf.addN(losses), losses.length) as tf.Scalar;
}

function randomBatch(size: number, len: number): { src: number[][]; tgt: number[][] } {
  const src = Array.from({ length: size }, () => Array.from({ length: len }, () => 1 + Math.floor(Math.random() * (VOCAB - 1))));
  return { src, tgt: src.map((row) => [...row].reverse()) };
}

export function train(steps = 60): number[] {
  const optimizer = tf.train.adam(0.03);
  const history: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { src, tgt } = randomBatch(16, 4);
    const loss = optimizer.minimize(() => sequenceLoss(src, tgt), true);
    history.push(loss!.dataSync()[0]);
    loss!.dispose();
  }
  return history;
}

export { encode, lstmStep, sequenceLoss };

if (require.main === module) {
  const history = train();
  console.log(`loss ${history[0].toFixed(3)} -> ${history[history.length - 1].toFixed(3)}`);
}
