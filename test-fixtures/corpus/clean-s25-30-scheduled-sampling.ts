// expect: none
// Trains a GRU seq2seq word-to-pig-latin converter with scheduled sampling (teacher forcing ratio decays per epoch).
import * as tf from '@tensorflow/tfjs';

const ALPHA = '^$abcdefghijklmnopqrstuvwxyz';
const V = ALPHA.length;
const H = 24;

const v = (shape: number[], seed: number, name: string) => tf.variable(tf.randomNormal(shape, 0, 0.2, 'float32', seed), true, name);
export const weights = {
  encW: v([V, 3 * H], 1, 'encW'),
  encU: v([H, 3 * H], 2, 'encU'),
  decW: v([V, 3 * H], 3, 'decW'),
  decU: v([H, 3 * H], 4, 'decU'),
  out: v([H, V], 5, 'out'),
};

function gru(W: tf.Variable, U: tf.Variable, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xz, xr, xn] = tf.split(tf.matMul(x, W as tf.Tensor2D), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, U as tf.Tensor2D), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
}

const hot = (ch: string) => tf.oneHot([ALPHA.indexOf(ch)], V).toFloat() as tf.Tensor2D;

export function pigLatin(word: string): string {
  const i = word.search(/[aeiou]/);
  return i <= 0 ? word + 'way' : word.slice(i) + word.slice(0, i) + 'ay';
}

function wordLoss(word: string, teacherRatio: number): tf.Scalar {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  for (const ch of word) h = gru(weights.encW, weights.encU, hot(ch), h);

  const target = pigLatin(word) + '$';
  let input = '^';
  const terms: tf.Scalar[] = [];
  for (const gold of target) {
    h = gru(weights.decW, weights.decU, hot(input), h);
    const logits = tf.matMul(h, weights.out as tf.Tensor2D);
    terms.push(tf.losses.softmaxCrossEntropy(hot(gold), logits) as tf.Scalar);
    if (Math.random() < teacherRatio) {
      input = gold;
    } else {
      // the sampled symbol is a discrete choice; the recurrent path through h is untouched
      input = ALPHA[tf.argMax(logits, 1).dataSync()[0]];
    }
  }
  return tf.div(tf.addN(terms), terms.length) as tf.Scalar;
}

export function trainEpoch(words: string[], optimizer: tf.Optimizer, teacherRatio: number): number {
  let sum = 0;
  for (const word of words) {
    const { value, grads } = tf.variableGrads(() => wordLoss(word, teacherRatio));
    optimizer.applyGradients(grads);
    sum += value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
  }
  return sum / words.length;
}

export const WORDS = ['hello', 'string', 'apple', 'tensor', 'glove', 'eat', 'smile', 'train'];

if (require.main === module) {
  const optimizer = tf.train.adam(0.02);
  for (let epoch = 0; epoch < 10; epoch++) {
    const ratio = Math.max(0.25, 1 - epoch * 0.1);
    const loss = trainEpoch(WORDS, optimizer, ratio);
    console.log(`epoch ${epoch} teacher=${ratio.toFixed(2)} loss=${loss.toFixed(3)}`);
  }
}
