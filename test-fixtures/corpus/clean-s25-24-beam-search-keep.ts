// expect: none
// Beam search for the GRU chatbot decoder; every hypothesis owns its hidden state, pruned ones are freed.
import * as tf from '@tensorflow/tfjs';

interface Beam {
  tokens: number[];
  score: number;
  h: tf.Tensor2D;
  done: boolean;
}

export class GruDecoder {
  readonly emb: tf.Tensor2D;
  readonly w: tf.Tensor2D;
  readonly u: tf.Tensor2D;
  readonly out: tf.Tensor2D;

  constructor(readonly vocab: number, readonly units: number, seed = 3) {
    this.emb = tf.randomNormal([vocab, 8], 0, 0.6, 'float32', seed) as tf.Tensor2D;
    this.w = tf.randomNormal([8, 3 * units], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
    this.u = tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 2) as tf.Tensor2D;
    this.out = tf.randomNormal([units, vocab], 0, 0.9, 'float32', seed + 3) as tf.Tensor2D;
  }

  step(token: number, h: tf.Tensor2D): { h: tf.Tensor2D; logProbs: tf.Tensor2D } {
    const x = tf.gather(this.emb, [token]);
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.w), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.u), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    const hNew = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
    return { h: hNew, logProbs: tf.logSoftmax(tf.matMul(hNew, this.out)) };
  }
}

export function beamDecode(dec: GruDecoder, encoderFinal: tf.Tensor2D, width = 3, maxLen = 8, bos = 1, eos = 2): number[][] {
  let beams: Beam[] = [{ tokens: [bos], score: 0, h: tf.clone(encoderFinal), done: false }];

  for (let t = 0; t < maxLen && beams.some((b) => !b.done); t++) {
    const expanded: Beam[] = [];
    for (const beam of beams) {
      if (beam.done) {
        expanded.push({ ...beam, h: tf.clone(beam.h) });
        continue;
      }
      const children = tf.tidy(() => {
        const { h, logProbs } = dec.step(beam.tokens[beam.tokens.length - 1], beam.h);
        const { values, indices } = tf.topk(logProbs.squeeze(), width);
        const vals = values.dataSync();
        return Array.from(indices.dataSync()).map((tok, k) => ({
          tokens: [...beam.tokens, tok],
          score: beam.score + vals[k],
          h: tf.keep(tf.clone(h)),
          done: tok === eos,
        }));
      });
      expanded.push(...children);
    }
    tf.dispose(beams.map((b) => b.h));
    expanded.sort((a, b) => b.score / b.tokens.length - a.score / a.tokens.length);
    beams = expanded.slice(0, width);
    tf.dispose(expanded.slice(width).map((b) => b.h));
  }

  const result = beams.map((b) => b.tokens.slice(1));
  tf.dispose(beams.map((b) => b.h));
  return result;
}

if (require.main === module) {
  const dec = new GruDecoder(25, 16);
  const encoderFinal = tf.tanh(tf.randomNormal([1, 16], 0, 1, 'float32', 42)) as tf.Tensor2D;
  const before = tf.memory().numTensors;
  console.log(beamDecode(dec, encoderFinal));
  console.log('leaked tensors:', tf.memory().numTensors - before);
}
