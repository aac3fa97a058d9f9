// expect: stacked-activation
// Word-level language model on a coupled input-forget gate LSTM (CIFG) with layer normalisation, with temperature sampling.
import * as tf from '@tensorflow/tfjs';

function ln(x: tf.Tensor2D, gain: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.mul(gain, tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))));
}

// CIFG: the input gate is tied to the forget gate, i = 1 - f
class CIFGCell {
  readonly W: tf.Variable<tf.Rank.R2>;
  readonly U: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;
  readonly gx: tf.Variable<tf.Rank.R1>;
  readonly gh: tf.Variable<tf.Rank.R1>;

  constructor(inDim: number, readonly units: number) {
    this.W = tf.variable(tf.randomNormal([inDim, 3 * units], 0, 1 / Math.sqrt(inDim)));
    this.U = tf.variable(tf.randomNormal([units, 3 * units], 0, 1 / Math.sqrt(units)));
    this.b = tf.variable(tf.concat([tf.ones([units]), tf.zeros([2 * units])]));
    this.gx = tf.variable(tf.ones([3 * units]));
    this.gh = tf.variable(tf.ones([3 * units]));
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const z = tf.add(tf.add(ln(tf.matMul(x, this.W), this.gx), ln(tf.matMul(h, this.U), this.gh)), this.b);
    const [zf, zo, zg] = tf.split(z, 3, 1);
    const f = tf.sigmoid(zf);
    const cNext: tf.Tensor2D = tf.add(tf.mul(f, c), tf.mul(tf.sub(1, f), tf.tanh(zg)));
    const hNext: tf.Tensor2D = tf.mul(tf.sigmoid(zo), tf.tanh(cNext));
    return [hNext, cNext];
  }
}

export class CIFGLanguageModel {
  readonly embed: tf.Variable<tf.Rank.R2>;
  readonly cell: CIFGCell;
  readonly proj: tf.layers.Layer;

  constructor(readonly vocab: string[], embDim = 64, units = 256) {
    this.embed = tf.variable(tf.randomNormal([vocab.length, embDim], 0, 0.1));
    this.cell = new CIFGCell(embDim, units);
    this.proj = tf.layers.dense({ units: vocab.length, activation: 'softmax', inputShape: [units] });
  }

  private distribution(h: tf.Tensor2D): tf.Tensor2D {
    return this.proj.apply(h) as tf.Tensor2D;
  }

  loss(batch: number[][]): tf.Scalar {
    const B = batch.length;
    let h = tf.zeros([B, this.cell.units]) as tf.Tensor2D;
    let c = tf.zeros([B, this.cell.units]) as tf.Tensor2D;
    const losses: tf.Tensor[] = [];
    for (let t = 0; t + 1 < batch[0].length; t++) {
      const x = tf.gather(this.embed, batch.map((row) => row[t])) as tf.Tensor2D;
      [h, c] = this.cell.step(x, h, c);
      const target = tf.oneHot(batch.map((row) => row[t + 1]), this.vocab.length);
      losses.push(tf.mean(tf.metrics.categoricalCrossentropy(target, this.distribution(h))));
    }
    return tf.div(tf.addN(losses), losses.length) as tf.Scalar;
  }

  sample(prompt: string[], n: number, temperature = 0.7): string[] {
    const ids = tf.tidy(() => {
      let h = tf.zeros([1, this.cell.units]) as tf.Tensor2D;
      let c = tf.zeros([1, this.cell.units]) as tf.Tensor2D;
      let last = 0;
      for (const w of prompt) {
        last = Math.max(0, this.vocab.indexOf(w));
        [h, c] = this.cell.step(tf.gather(this.embed, [last]) as tf.Tensor2D, h, c);
      }
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const probs = this.distribution(h);
        const scaled = tf.softmax(tf.div(probs, temperature)) as tf.Tensor2D;
        last = tf.multinomial(scaled, 1, undefined, true).dataSync()[0];
        out.push(last);
        [h, c] = this.cell.step(tf.gather(this.embed, [last]) as tf.Tensor2D, h, c);
      }
      return out;
    });
    return ids.map((i) => this.vocab[i]);
  }
}

const corpus = 'the cat sat on the mat and the dog sat on the rug while the bird sang on the branch'.split(' ');
const vocab = Array.from(new Set(corpus));
const ids = corpus.map((w) => vocab.indexOf(w));
const lm = new CIFGLanguageModel(vocab, 32, 64);
const optimizer = tf.train.adam(3e-3);

for (let it = 1; it <= 200; it++) {
  const batch = Array.from({ length: 8 }, () => {
    const s = Math.floor(Math.random() * (ids.length - 7));
    return ids.slice(s, s + 7);
  });
  const loss = optimizer.minimize(() => lm.loss(batch), true)!;
  if (it % 50 === 0) console.log(`iter ${it}: ${loss.dataSync()[0].toFixed(3)}`);
  loss.dispose();
}
console.log(lm.sample(['the', 'cat'], 8).join(' '));
