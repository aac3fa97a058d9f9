// expect: bptt-cut
// Trains a character-level transliteration model (encoder RNN -> decoder RNN) with zoneout on the decoder state.
import * as tf from '@tensorflow/tfjs';

const CHARS = ' abcdefghijklmnopqrstuvwxyz';
const H = 24;

function rnnParams(inDim: number, seed: number) {
  return {
    wx: tf.variable(tf.randomNormal([inDim, H], 0, 0.3, 'float32', seed), true, `wx${seed}`),
    wh: tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', seed + 1), true, `wh${seed}`),
    b: tf.variable(tf.zeros([H]), true, `b${seed}`),
  };
}

export const encoder = rnnParams(CHARS.length, 10);
export const decoder = rnnParams(CHARS.length, 20);
export const readout = tf.variable(tf.randomNormal([H, CHARS.length], 0, 0.3, 'float32', 30), true, 'readout');

type Params = ReturnType<typeof rnnParams>;

function rnnStep(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const pre = tf.add(tf.matMul(x, p.wx as tf.Tensor2D), tf.matMul(h, p.wh as tf.Tensor2D));
  return tf.tanh(tf.add(pre, p.b)) as tf.Tensor2D;
}

function charIds(word: string): number[] {
  return [...word].map((ch) => Math.max(0, CHARS.indexOf(ch)));
}

function oneHot(id: number): tf.Tensor2D {
  return tf.oneHot([id], CHARS.length).toFloat() as tf.Tensor2D;
}

/** Zoneout: each unit keeps its previous value with probability `rate`. */
function zoneout(prev: tf.Tensor2D, next: tf.Tensor2D, rate: number): tf.Tensor2D {
  const p = prev.arraySync();
  const n = next.arraySync();
  const mixed = n.map((row, i) => row.map((v, j) => (Math.random() < rate ? p[i][j] : v)));
  return tf.tensor2d(mixed);
}

function pairLoss(src: string, tgt: string, training: boolean): tf.Scalar {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  for (const id of charIds(src)) h = rnnStep(encoder, oneHot(id), h);

  const target = charIds(tgt);
  const losses: tf.Scalar[] = [];
  let prevChar = 0;
  for (const id of target) {
    const hNext = rnnStep(decoder, oneHot(prevChar), h);
    h = training ? zoneout(h, hNext, 0.15) : hNext;
    const logits = tf.matMul(hNext, readout as tf.Tensor2D);
    losses.push(tf.losses.softmaxCrossEntropy(oneHot(id), logits) as tf.Scalar);
    prevChar = id;
  }
  return tf.div(tf.addN(losses), target.length) as tf.Scalar;
}

export const PAIRS: [string, string][] = [
  ['privet', 'hello'],
  ['spasibo', 'thanks'],
  ['da', 'yes'],
  ['net', 'no'],
];

export function trainEpochs(epochs = 20, lr = 0.05): number[] {
  const optimizer = tf.train.adam(lr);
  const history: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (const [src, tgt] of PAIRS) {
      const loss = optimizer.minimize(() => pairLoss(src, tgt, true), true);
      total += loss!.dataSync()[0];
      loss!.dispose();
    }
    history.push(total / PAIRS.length);
  }
  return history;
}

export { pairLoss };

if (require.main === module) {
  const history = trainEpochs();
  console.log('epoch losses:', history.map((l) => l.toFixed(3)).join(' '));
}
