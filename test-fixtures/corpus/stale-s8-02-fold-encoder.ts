// expect: stale-state
// Encodes an embedded sentence with an Elman RNN by folding over its tokens, collecting the per-token outputs and the final hidden vector.
import * as tf from '@tensorflow/tfjs';

export type ElmanStep = (x: tf.Tensor2D, h: tf.Tensor2D) => [tf.Tensor2D, tf.Tensor2D];

export function makeElmanStep(inputDim: number, hiddenDim: number, outDim: number): ElmanStep {
  const Wx = tf.variable(tf.randomNormal([inputDim, hiddenDim], 0, 0.1), true, 'elman/Wx');
  const Wh = tf.variable(tf.randomNormal([hiddenDim, hiddenDim], 0, 0.1), true, 'elman/Wh');
  const bh = tf.variable(tf.zeros([hiddenDim]), true, 'elman/bh');
  const Wy = tf.variable(tf.randomNormal([hiddenDim, outDim], 0, 0.1), true, 'elman/Wy');

  return (x, h) => {
    const pre = x.matMul(Wx).add(h.matMul(Wh)).add<tf.Tensor2D>(bh);
    const hNext = tf.tanh(pre);
    const y = hNext.matMul(Wy) as tf.Tensor2D;
    return [y, hNext];
  };
}

interface Fold {
  outputs: tf.Tensor2D[];
  hidden: tf.Tensor2D;
}

export function embed(table: tf.Tensor2D, tokenIds: number[]): tf.Tensor2D[] {
  return tokenIds.map((id) => tf.gather(table, [id]) as tf.Tensor2D);
}

export function encodeSentence(
  step: ElmanStep,
  embedded: tf.Tensor2D[],
  h0: tf.Tensor2D,
): { outputs: tf.Tensor2D[]; last: tf.Tensor2D } {
  const folded = embedded.reduce<Fold>(
    (acc, xt) => {
      const [yt, ht] = step(xt, h0);
      return { outputs: [...acc.outputs, yt], hidden: ht };
    },
    { outputs: [], hidden: h0 },
  );
  return { outputs: folded.outputs, last: folded.hidden };
}

export function sentenceVector(
  step: ElmanStep,
  table: tf.Tensor2D,
  tokenIds: number[],
  hiddenDim: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const h0 = tf.zeros([1, hiddenDim]) as tf.Tensor2D;
    const { outputs, last } = encodeSentence(step, embed(table, tokenIds), h0);
    const pooled = tf.concat(outputs, 0).mean(0, true) as tf.Tensor2D;
    return tf.concat([pooled, last], 1);
  });
}

if (typeof process !== 'undefined' && process.argv[1]?.endsWith('fold-encoder.ts')) {
  const vocab = 50;
  const table = tf.randomNormal([vocab, 16]) as tf.Tensor2D;
  const step = makeElmanStep(16, 32, 8);
  const v = sentenceVector(step, table, [3, 14, 15, 9, 26], 32);
  v.print();
}
