// expect: none
// next-word predictor for a tiny corpus: tanh RNN -> linear -> softmax, trained with optimizer.minimize
import * as tf from '@tensorflow/tfjs';

const corpus = 'the cat sat on the mat . the dog sat on the log . the cat saw the dog . the dog saw the cat .';
const tokens = corpus.split(' ');
const vocab = Array.from(new Set(tokens));
const V = vocab.length;
const HIDDEN = 20;
const SEQ = 6;

const weights = {
  W_xh: tf.variable(tf.randomNormal([V, HIDDEN], 0, 0.1)),
  W_hh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.1)),
  b_h: tf.variable(tf.zeros([HIDDEN])),
  W_hy: tf.variable(tf.randomNormal([HIDDEN, V], 0, 0.1)),
  b_y: tf.variable(tf.zeros([V])),
};

function oneHotIds(ids: number[]): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d(ids, 'int32'), V).toFloat() as tf.Tensor2D;
}

// xs: [T] one-hot rows per step for a batch of windows -> logits for every step
function unroll(batchIds: number[][]): tf.Tensor2D[] {
  const B = batchIds.length;
  let h = tf.zeros([B, HIDDEN]) as tf.Tensor2D;
  const logits: tf.Tensor2D[] = [];
  for (let t = 0; t < SEQ; t++) {
    const x = oneHotIds(batchIds.map(row => row[t]));
    h = tf.tanh(x.matMul(weights.W_xh).add(h.matMul(weights.W_hh)).add(weights.b_h)) as tf.Tensor2D;
    logits.push(h.matMul(weights.W_hy).add(weights.b_y) as tf.Tensor2D);
  }
  return logits;
}

const ids = tokens.map(t => vocab.indexOf(t));
const windows: number[][] = [];
const targets: number[][] = [];
for (let i = 0; i + SEQ < ids.length; i++) {
  windows.push(ids.slice(i, i + SEQ));
  targets.push(ids.slice(i + 1, i + SEQ + 1));
}

const optimizer = tf.train.adam(0.02);

async function train(epochs = 80) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => {
      const logits = unroll(windows);
      const losses = logits.map((lg, t) => tf.losses.softmaxCrossEntropy(oneHotIds(targets.map(r => r[t])), lg));
      return tf.addN(losses).div(SEQ) as tf.Scalar;
    }, true)!;
    if (epoch % 20 === 0) console.log('epoch', epoch, 'xent', cost.dataSync()[0].toFixed(4));
    cost.dispose();
    await tf.nextFrame();
  }
}

function nextWordDist(context: string[]): Array<[string, number]> {
  return tf.tidy(() => {
    const ctxIds = context.slice(-SEQ).map(w => Math.max(0, vocab.indexOf(w)));
    while (ctxIds.length < SEQ) ctxIds.unshift(vocab.indexOf('.'));
    const logits = unroll([ctxIds]);
    const probs = tf.softmax(logits[SEQ - 1]).dataSync();
    return vocab.map((w, i) => [w, probs[i]] as [string, number]).sort((a, b) => b[1] - a[1]).slice(0, 3);
  });
}

train().then(() => {
  for (const ctx of ['the cat sat on', 'the dog saw', 'the cat sat on the']) {
    const top = nextWordDist(ctx.split(' '));
    console.log(ctx.padEnd(20), '->', top.map(([w, p]) => `${w}:${p.toFixed(2)}`).join('  '));
  }
  console.log('tensors', tf.memory().numTensors);
});
