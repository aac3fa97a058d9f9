// expect: stale-state
// My first char-level RNN: learns a short repeating sentence and then generates text from a seed
import * as tf from '@tensorflow/tfjs';

const TEXT = 'hello world, hello tensorflow, hello recurrent nets. ';
const chars = Array.from(new Set(TEXT.split(''))).sort();
const VOCAB = chars.length;
const HIDDEN = 24;
const charToIdx: Record<string, number> = {};
chars.forEach((c, i) => {
  charToIdx[c] = i;
});
console.log('vocab size', VOCAB);

// weights (kept global so every function can see them)
const Wxh = tf.variable(tf.randomNormal([VOCAB, HIDDEN], 0, 0.1));
const Whh = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.1));
const bh = tf.variable(tf.zeros([HIDDEN]));
const Why = tf.variable(tf.randomNormal([HIDDEN, VOCAB], 0, 0.1));
const by = tf.variable(tf.zeros([VOCAB]));

const optimizer = tf.train.adam(0.02);

function rnnStep(x: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wxh).add(tf.matMul(hPrev, Whh)).add(bh));
}

function trainStep(seq: number[]): number {
  const cost = optimizer.minimize(() => {
    let h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
    const losses: tf.Tensor[] = [];
    for (let t = 0; t < seq.length - 1; t++) {
      h = rnnStep(oneHot(seq[t]), h);
      const logits = tf.matMul(h, Why).add(by);
      losses.push(tf.losses.softmaxCrossEntropy(oneHot(seq[t + 1]), logits));
    }
    return tf.addN(losses).div(losses.length) as tf.Scalar;
  }, true);
  const v = cost!.dataSync()[0];
  cost!.dispose();
  return v;
}

function sample(seed: string, n: number): string {
  let out = seed;
  let h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
  // run the seed through first so the net knows where we are
  for (let i = 0; i < seed.length - 1; i++) {
    h = rnnStep(oneHot(charToIdx[seed[i]]), h);
  }
  let hidden = h;
  let lastIdx = charToIdx[seed[seed.length - 1]];
  for (let i = 0; i < n; i++) {
    const hNext = rnnStep(oneHot(lastIdx), hidden);
    const probs = tf.softmax(tf.matMul(hNext, Why).add(by));
    // console.log(probs.dataSync());
    lastIdx = probs.argMax(-1).dataSync()[0];
    h = hNext;
    out += chars[lastIdx];
  }
  return out;
}

function oneHot(idx: number): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d([idx], 'int32'), VOCAB).toFloat() as tf.Tensor2D;
}

async function main() {
  const seq = TEXT.split('').map((c) => charToIdx[c]);
  for (let epoch = 0; epoch < 60; epoch++) {
    const loss = trainStep(seq);
    if (epoch % 10 === 0) {
      console.log('epoch', epoch, 'loss', loss.toFixed(4));
    }
    await tf.nextFrame();
  }
  console.log('sample:', JSON.stringify(sample('hello', 40)));
  console.log('tensors alive:', tf.memory().numTensors);
}

main();
