// expect: unused-hidden-state
// Two-layer minimal gated unit language model with tied embeddings, written PyTorch-style with forward(input, hidden).
import * as tf from '@tensorflow/tfjs';

interface MGULayerParams {
  Wf: tf.Variable<tf.Rank.R2>;
  Uf: tf.Variable<tf.Rank.R2>;
  bf: tf.Variable<tf.Rank.R1>;
  Wh: tf.Variable<tf.Rank.R2>;
  Uh: tf.Variable<tf.Rank.R2>;
  bh: tf.Variable<tf.Rank.R1>;
}

export class StackedMGU {
  readonly layers: MGULayerParams[] = [];

  // embedding size == units, so every layer takes a [batch, units] input
  constructor(readonly units: number, readonly numLayers: number) {
    const w = () => tf.variable(tf.randomNormal<tf.Rank.R2>([units, units], 0, 1 / Math.sqrt(units)));
    for (let l = 0; l < numLayers; l++) {
      this.layers.push({
        Wf: w(), Uf: w(), bf: tf.variable(tf.ones([units])),
        Wh: w(), Uh: w(), bh: tf.variable(tf.zeros([units])),
      });
    }
  }

  initHidden(batch: number): tf.Tensor2D[] {
    return this.layers.map(() => tf.zeros([batch, this.units]) as tf.Tensor2D);
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D[]): [tf.Tensor2D, tf.Tensor2D[]] {
    let h = input;
    const nextHidden: tf.Tensor2D[] = [];
    this.layers.forEach((p) => {
      const f = tf.sigmoid(tf.add(tf.add(tf.matMul(h, p.Wf), tf.matMul(h, p.Uf)), p.bf));
      const cand = tf.tanh(tf.add(tf.add(tf.matMul(h, p.Wh), tf.matMul(tf.mul(f, h), p.Uh)), p.bh));
      h = tf.add(tf.mul(tf.sub(1, f), h), tf.mul(f, cand)) as tf.Tensor2D;
      nextHidden.push(h);
    });
    return [h, nextHidden];
  }
}

const text = `it was the best of times it was the worst of times it was the age of wisdom it was the age of foolishness`;
const words = text.split(/\s+/);
const vocab = Array.from(new Set(words));
const ids = words.map((w) => vocab.indexOf(w));

const UNITS = 64;
const model = new StackedMGU(UNITS, 2);
const embedding = tf.variable(tf.randomNormal([vocab.length, UNITS], 0, 0.1));
const outBias = tf.variable(tf.zeros([vocab.length]));

function sequenceLoss(batch: number[][]): tf.Scalar {
  const T = batch[0].length - 1;
  let hidden = model.initHidden(batch.length);
  const losses: tf.Scalar[] = [];
  for (let t = 0; t < T; t++) {
    const x = tf.gather(embedding, batch.map((row) => row[t])) as tf.Tensor2D;
    const [out, next] = model.forward(x, hidden);
    hidden = next;
    // tied weights: logits = out · Eᵀ + b
    const logits = tf.add(tf.matMul(out, embedding, false, true), outBias);
    const target = tf.oneHot(batch.map((row) => row[t + 1]), vocab.length);
    losses.push(tf.losses.softmaxCrossEntropy(target, logits) as tf.Scalar);
  }
  return tf.div(tf.addN(losses), T) as tf.Scalar;
}

async function main(): Promise<void> {
  const optimizer = tf.train.adam(5e-3);
  const SPAN = 8;
  for (let it = 1; it <= 300; it++) {
    const batch = Array.from({ length: 8 }, () => {
      const s = Math.floor(Math.random() * (ids.length - SPAN - 1));
      return ids.slice(s, s + SPAN + 1);
    });
    const loss = optimizer.minimize(() => sequenceLoss(batch), true)!;
    if (it % 50 === 0) console.log(`iter ${it}  ppl ${Math.exp((await loss.data())[0]).toFixed(2)}`);
    loss.dispose();
  }
}

main();
