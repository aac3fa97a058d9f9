// expect: none
// Drum-machine pattern generator: a GRU over 16-step bars (kick/snare/hat bitmasks), batched training and sampling.
import * as tf from '@tensorflow/tfjs';

const STEPS = 16;
const TOKENS = 8; // bit 0 kick, bit 1 snare, bit 2 hat
const U = 32;

const rock = [5, 4, 6, 4, 5, 4, 6, 4, 5, 4, 6, 4, 5, 4, 6, 4];
const disco = [5, 4, 6, 4, 5, 4, 6, 4, 5, 4, 6, 4, 5, 4, 6, 4].map((v, i) => (i % 4 === 0 ? 1 : v));
const halftime = [5, 0, 4, 0, 4, 0, 4, 0, 6, 0, 4, 0, 4, 0, 4, 0];
const BARS = [rock, disco, halftime];

const P = {
  emb: tf.variable(tf.randomNormal([TOKENS, 8], 0, 0.3)),
  wg: tf.variable(tf.randomNormal([8 + U, 2 * U], 0, 0.15)),
  wc: tf.variable(tf.randomNormal([8 + U, U], 0, 0.15)),
  wo: tf.variable(tf.randomNormal([U, TOKENS], 0, 0.15)),
};

function gru(tokens: tf.Tensor1D, h: tf.Tensor2D): tf.Tensor2D {
  const x = tf.gather(P.emb, tokens.toInt());
  const [z, r] = tf.split(tf.sigmoid(tf.concat([x, h], 1).matMul(P.wg)), 2, 1);
  const cand = tf.tanh(tf.concat([x, tf.mul(r, h)], 1).matMul(P.wc));
  return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, cand)) as tf.Tensor2D;
}

function barLoss(bars: tf.Tensor2D): tf.Scalar {
  const n = bars.shape[0];
  let h: tf.Tensor2D = tf.zeros([n, U]);
  const terms: tf.Scalar[] = [];
  for (let t = 0; t + 1 < STEPS; t++) {
    h = gru(bars.slice([0, t], [n, 1]).reshape([n]) as tf.Tensor1D, h);
    const target = tf.oneHot(bars.slice([0, t + 1], [n, 1]).reshape([n]).toInt(), TOKENS);
    terms.push(tf.losses.softmaxCrossEntropy(target, h.matMul(P.wo)) as tf.Scalar);
  }
  return tf.div(tf.addN(terms), terms.length) as tf.Scalar;
}

export async function fitBars(epochs: number): Promise<void> {
  const optimizer = tf.train.adam(0.02);
  const ds = tf.data.array(BARS).repeat(16).shuffle(48).batch(12);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const losses: number[] = [];
    await ds.forEachAsync((batch) => {
      const loss = optimizer.minimize(() => barLoss(batch as tf.Tensor2D), true)!;
      losses.push(loss.dataSync()[0]);
      tf.dispose([loss, batch as tf.Tensor2D]);
    });
    if (epoch % 5 === 0) console.log(`epoch ${epoch}: loss ${(losses.reduce((a, b) => a + b) / losses.length).toFixed(4)}`);
  }
}

export function generateBar(firstHit: number, temperature: number): number[] {
  let state: tf.Tensor2D = tf.zeros([1, U]);
  const bar = [firstHit];
  for (let t = 1; t < STEPS; t++) {
    const previous = state;
    const next = tf.tidy(() => {
      const hNew = gru(tf.tensor1d([bar[t - 1]], 'int32'), previous);
      state = tf.keep(hNew);
      const logits = hNew.matMul(P.wo).div(temperature) as tf.Tensor2D;
      return tf.multinomial(logits, 1).dataSync()[0];
    });
    previous.dispose();
    bar.push(next);
  }
  state.dispose();
  return bar;
}

const render = (bar: number[]) =>
  ['kick', 'snare', 'hat'].map((name, bit) => `${name.padEnd(6)}${bar.map((v) => ((v >> bit) & 1 ? 'x' : '.')).join('')}`).join('\n');

fitBars(20).then(() => {
  for (let i = 0; i < 2; i++) {
    console.log(render(generateBar(5, 0.5)));
    console.log('');
  }
  console.log('tensors in memory:', tf.memory().numTensors);
});
