// expect: tidy-disposed-state
// Beam-search decoding for our LSTM summariser; each hypothesis carries its own decoder (h, c).
import * as tf from '@tensorflow/tfjs';

export interface Hypothesis {
  tokens: number[];
  logProb: number;
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class SummaryDecoder {
  readonly embedding: tf.Tensor2D;
  readonly kernel: tf.Tensor2D;
  readonly bias: tf.Tensor1D;
  readonly proj: tf.Tensor2D;

  constructor(readonly vocab: number, readonly units: number, seed = 5) {
    this.embedding = tf.randomNormal([vocab, units], 0, 0.5, 'float32', seed) as tf.Tensor2D;
    this.kernel = tf.randomNormal([2 * units, 4 * units], 0, 0.3, 'float32', seed + 1) as tf.Tensor2D;
    this.bias = tf.zeros([4 * units]) as tf.Tensor1D;
    this.proj = tf.randomNormal([units, vocab], 0, 0.8, 'float32', seed + 2) as tf.Tensor2D;
  }

  step(token: number, h: tf.Tensor2D, c: tf.Tensor2D) {
    const x = tf.gather(this.embedding, [token]);
    const z = tf.add(tf.matMul(tf.concat([x, h], 1), this.kernel), this.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
    const logProbs = tf.logSoftmax(tf.matMul(hNext, this.proj));
    return { hNext, cNext, logProbs };
  }
}

function topK(values: Float32Array | Int32Array | Uint8Array, k: number): number[] {
  return Array.from(values.keys())
    .sort((a, b) => values[b] - values[a])
    .slice(0, k);
}

export function beamSearch(
  dec: SummaryDecoder,
  init: { h: tf.Tensor2D; c: tf.Tensor2D },
  opts = { beamWidth: 3, maxLen: 8, bos: 1, eos: 2 },
): number[] {
  let beams: Hypothesis[] = [{ tokens: [opts.bos], logProb: 0, h: init.h, c: init.c }];

  for (let t = 0; t < opts.maxLen; t++) {
    const candidates: Hypothesis[] = [];
    for (const hyp of beams) {
      const last = hyp.tokens[hyp.tokens.length - 1];
      if (last === opts.eos) {
        candidates.push(hyp);
        continue;
      }
      tf.tidy(() => {
        const { hNext, cNext, logProbs } = dec.step(last, hyp.h, hyp.c);
        const scores = logProbs.dataSync();
        for (const k of topK(scores, opts.beamWidth)) {
          candidates.push({ tokens: [...hyp.tokens, k], logProb: hyp.logProb + scores[k], h: hNext, c: cNext });
        }
      });
    }
    candidates.sort((a, b) => b.logProb - a.logProb);
    beams = candidates.slice(0, opts.beamWidth);
    if (beams.every((b) => b.tokens[b.tokens.length - 1] === opts.eos)) break;
  }
  return beams[0].tokens.slice(1);
}

if (require.main === module) {
  const dec = new SummaryDecoder(20, 16);
  const init = { h: tf.randomNormal([1, 16], 0, 0.5, 'float32', 1) as tf.Tensor2D, c: tf.zeros([1, 16]) as tf.Tensor2D };
  console.log('best summary ids:', beamSearch(dec, init));
}
