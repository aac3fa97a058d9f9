// expect: stale-state, stacked-activation
// Headline generator: a two-layer GRU decoder conditioned on an article vector, sampling words with a temperature.
import * as tf from '@tensorflow/tfjs';

export const WORDS = ['<s>', '</s>', 'council', 'approves', 'budget', 'storm', 'hits', 'coast', 'team', 'wins', 'final', 'new', 'record'];
const UNITS = 16;
const EMB = 8;

class GruLayer {
  private readonly kernel: tf.Tensor2D;
  private readonly recurrent: tf.Tensor2D;

  constructor(inDim: number, seed: number) {
    this.kernel = tf.randomNormal([inDim, 3 * UNITS], 0, 0.4, 'float32', seed) as tf.Tensor2D;
    this.recurrent = tf.randomNormal([UNITS, 3 * UNITS], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.kernel), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.recurrent), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }
}

export class HeadlineGenerator {
  private readonly embedding = tf.randomNormal([WORDS.length, EMB], 0, 0.6, 'float32', 3) as tf.Tensor2D;
  private readonly bridge = tf.randomNormal([32, 2 * UNITS], 0, 0.3, 'float32', 4) as tf.Tensor2D;
  private readonly layers = [new GruLayer(EMB, 10), new GruLayer(UNITS, 20)];
  private readonly head = tf.layers.dense({ units: WORDS.length, activation: 'softmax', inputShape: [UNITS] });

  private initialStates(article: tf.Tensor2D): tf.Tensor2D[] {
    return tf.split(tf.tanh(tf.matMul(article, this.bridge)), 2, 1) as tf.Tensor2D[];
  }

  generate(article: tf.Tensor2D, maxLen = 8, temperature = 0.7, seed = 1): string[] {
    return tf.tidy(() => {
      const layerStates = this.initialStates(article);
      const words: string[] = [];
      let token = 0;
      while (words.length < maxLen) {
        let input = tf.gather(this.embedding, [token]) as tf.Tensor2D;
        layerStates.forEach((state, i) => {
          input = this.layers[i].step(input, state);
        });
        const probs = this.head.apply(input) as tf.Tensor2D;
        const scaled = tf.softmax(tf.div(tf.log(tf.add(probs, 1e-8)), temperature)) as tf.Tensor2D;
        const dist = tf.softmax(scaled) as tf.Tensor2D;
        token = tf.multinomial(dist, 1, seed + words.length, true).dataSync()[0];
        if (token === 1) break;
        words.push(WORDS[token]);
      }
      return words;
    });
  }
}

export function articleVector(text: string): tf.Tensor2D {
  const v = new Float32Array(32);
  for (const w of text.toLowerCase().split(/\W+/)) {
    if (!w) continue;
    let hsh = 0;
    for (const ch of w) hsh = (hsh * 31 + ch.charCodeAt(0)) >>> 0;
    v[hsh % 32] += 1;
  }
  return tf.tensor2d(v, [1, 32]);
}

if (require.main === module) {
  const gen = new HeadlineGenerator();
  const article = articleVector('The council met late on Monday and approved the city budget for next year.');
  console.log(gen.generate(article).join(' '));
}
