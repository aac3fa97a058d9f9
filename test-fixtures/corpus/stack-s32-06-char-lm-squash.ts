// expect: stacked-activation
// Character-level language model on a tiny corpus: vanilla RNN, variableGrads, value clipping, per-epoch perplexity.
import * as tf from '@tensorflow/tfjs';

const CORPUS = 'the quick brown fox jumps over the lazy dog. the dog sleeps while the fox runs. ';
const VOCAB = Array.from(new Set(CORPUS.split(''))).sort();
const V = VOCAB.length;
const H = 48;
const T = 10;

const params = {
  wxh: tf.variable(tf.randomNormal([V, H], 0, 0.1), true, 'wxh'),
  whh: tf.variable(tf.randomNormal([H, H], 0, 0.1), true, 'whh'),
  bh: tf.variable(tf.zeros([H]), true, 'bh'),
  why: tf.variable(tf.randomNormal([H, V], 0, 0.1), true, 'why'),
  by: tf.variable(tf.zeros([V]), true, 'by'),
};

const squash = (t: tf.Tensor2D): tf.Tensor2D => tf.tanh(t);

export function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const prev = squash(h);
  const pre = x.matMul(params.wxh).add(prev.matMul(params.whh)).add(params.bh) as tf.Tensor2D;
  return squash(pre);
}

export function sequenceLoss(xs: tf.Tensor3D, ys: tf.Tensor3D): tf.Scalar {
  const batch = xs.shape[0];
  let h = tf.zeros([batch, H]) as tf.Tensor2D;
  const losses: tf.Scalar[] = [];
  for (let t = 0; t < T; t++) {
    const xt = xs.slice([0, t, 0], [batch, 1, V]).reshape([batch, V]) as tf.Tensor2D;
    const yt = ys.slice([0, t, 0], [batch, 1, V]).reshape([batch, V]);
    h = rnnStep(xt, h);
    const logits = h.matMul(params.why).add(params.by);
    losses.push(tf.losses.softmaxCrossEntropy(yt, logits) as tf.Scalar);
  }
  return tf.addN(losses).div(T) as tf.Scalar;
}

function* windows() {
  const ids = CORPUS.split('').map((ch) => VOCAB.indexOf(ch));
  for (let start = 0; start + T + 1 <= ids.length; start++) {
    const slice = ids.slice(start, start + T + 1);
    const enc = (id: number) => VOCAB.map((_, j) => (j === id ? 1 : 0));
    yield { xs: slice.slice(0, T).map(enc), ys: slice.slice(1).map(enc) };
  }
}

export async function train(epochs = 6): Promise<number[]> {
  const optimizer = tf.train.adam(0.02);
  const ds = tf.data.generator(windows).shuffle(100).batch(16);
  const perplexities: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let count = 0;
    await ds.forEachAsync((b) => {
      const { xs, ys } = b as { xs: tf.Tensor3D; ys: tf.Tensor3D };
      const { value, grads } = tf.variableGrads(() => sequenceLoss(xs, ys));
      const clipped = Object.keys(grads).map((name) => ({ name, tensor: tf.clipByValue(grads[name], -5, 5) }));
      optimizer.applyGradients(clipped);
      total += value.dataSync()[0];
      count++;
      tf.dispose([value, xs, ys, ...Object.values(grads), ...clipped.map((g) => g.tensor)]);
    });
    const ppl = Math.exp(total / count);
    perplexities.push(ppl);
    console.log(`epoch ${epoch + 1} perplexity ${ppl.toFixed(2)}`);
  }
  return perplexities;
}

export function sample(seed: string, length: number): string {
  let out = seed;
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  let next = seed[seed.length - 1];
  for (const ch of seed.slice(0, -1)) {
    const nh = tf.tidy(() => rnnStep(tf.oneHot([VOCAB.indexOf(ch)], V).toFloat() as tf.Tensor2D, h));
    h.dispose();
    h = nh;
  }
  for (let i = 0; i < length; i++) {
    const [nh, id] = tf.tidy(() => {
      const hNew = rnnStep(tf.oneHot([VOCAB.indexOf(next)], V).toFloat() as tf.Tensor2D, h);
      const logits = hNew.matMul(params.why).add(params.by).squeeze();
      return [hNew, logits.argMax().dataSync()[0]] as const;
    });
    h.dispose();
    h = nh;
    next = VOCAB[id];
    out += next;
  }
  h.dispose();
  return out;
}

train().then(() => console.log(sample('the ', 30)));
