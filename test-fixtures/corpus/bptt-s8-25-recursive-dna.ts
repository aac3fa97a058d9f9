// expect: bptt-cut
// Classifies short DNA reads (promoter vs background) with an RNN unrolled by recursion, training on one read at a time with explicit gradient computation.
import * as tf from '@tensorflow/tfjs';

const BASES = 'ACGT';
const UNITS = 24;

const cellVars = {
  Wx: tf.variable(tf.randomNormal([4, UNITS], 0, 0.3), true, 'dna/Wx'),
  Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3), true, 'dna/Wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'dna/b'),
};
const headVars = {
  W: tf.variable(tf.randomNormal([UNITS, 2], 0, 0.3), true, 'dna/headW'),
  b: tf.variable(tf.zeros([2]), true, 'dna/headB'),
};
const allVars: tf.Variable[] = [...Object.values(cellVars), ...Object.values(headVars)];

function oneHotRead(read: string): tf.Tensor2D[] {
  return read.split('').map((ch) => {
    const row = [0, 0, 0, 0];
    const k = BASES.indexOf(ch);
    if (k >= 0) row[k] = 1;
    return tf.tensor2d([row]);
  });
}

const cell = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(x.matMul(cellVars.Wx).add(h.matMul(cellVars.Wh)).add<tf.Tensor2D>(cellVars.b));

const unrollFrom = (t: number, h: tf.Tensor2D, xs: tf.Tensor2D[]): tf.Tensor2D =>
  t === xs.length ? h : unrollFrom(t + 1, cell(xs[t], h), xs);

function encode(read: string): tf.Tensor2D {
  return unrollFrom(0, tf.zeros([1, UNITS]), oneHotRead(read));
}

const optimizer: tf.Optimizer = tf.train.adam(0.005);

export function trainOnRead(read: string, isPromoter: boolean): number {
  return tf.tidy(() => {
    const summary = encode(read);
    const label = tf.tensor2d([isPromoter ? [0, 1] : [1, 0]]);
    const { value, grads } = tf.variableGrads(() => {
      const logits = summary.matMul(headVars.W).add(headVars.b);
      return tf.losses.softmaxCrossEntropy(label, logits) as tf.Scalar;
    }, allVars);
    optimizer.applyGradients(grads);
    return value.dataSync()[0];
  });
}

export function classify(read: string): number {
  return tf.tidy(() => {
    const logits = encode(read).matMul(headVars.W).add(headVars.b);
    return tf.softmax(logits).dataSync()[1];
  });
}

function randomRead(promoter: boolean): string {
  let s = '';
  for (let i = 0; i < 30; i++) s += BASES[Math.floor(Math.random() * 4)];
  return promoter ? s.slice(0, 10) + 'TATAAT' + s.slice(16) : s;
}

export function run(epochs = 200): void {
  for (let e = 0; e < epochs; e++) {
    const positive = Math.random() < 0.5;
    const loss = trainOnRead(randomRead(positive), positive);
    if (e % 50 === 0) console.log(`epoch ${e} loss ${loss.toFixed(4)}`);
  }
  console.log('p(promoter | TATAAT read) =', classify(randomRead(true)).toFixed(3));
}
