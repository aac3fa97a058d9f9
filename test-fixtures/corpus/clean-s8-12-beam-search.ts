// expect: none
// Beam-search decoding for a GRU caption generator: several candidate first words are expanded from the image encoding and the best captions kept.
import * as tf from '@tensorflow/tfjs';

export interface CaptionDecoder {
  embed: tf.Tensor2D;  // [vocab, E]
  W: tf.Tensor2D;      // [E, 3H]
  U: tf.Tensor2D;      // [H, 3H]
  out: tf.Tensor2D;    // [H, vocab]
  bridge: tf.Tensor2D; // [imageDim, H]
}

interface Hypothesis {
  tokens: number[];
  score: number;
  h: tf.Tensor2D;      // state after reading every token in `tokens`
  logp: number[];      // next-token log-probabilities from that state
  finished: boolean;
}

function gruStep(d: CaptionDecoder, token: number, h: tf.Tensor2D): { logp: number[]; h: tf.Tensor2D } {
  const x = tf.gather(d.embed, [token]) as tf.Tensor2D;
  const [xz, xr, xn] = tf.split(x.matMul(d.W), 3, 1);
  const [hz, hr, hn] = tf.split(h.matMul(d.U), 3, 1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const n = tf.tanh(xn.add(r.mul(hn)));
  const hNew = z.mul<tf.Tensor2D>(h).add<tf.Tensor2D>(tf.sub(1, z).mul(n));
  const logp = tf.logSoftmax(hNew.matMul(d.out)).dataSync();
  return { logp: Array.from(logp), h: hNew };
}

function topK(values: number[], k: number): number[] {
  return values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, k)
    .map(([, i]) => i);
}

export function beamSearch(
  d: CaptionDecoder,
  image: tf.Tensor2D,
  opts: { bos: number; eos: number; width: number; maxLen: number },
): number[][] {
  return tf.tidy(() => {
    const start = tf.tanh(image.matMul(d.bridge)) as tf.Tensor2D;
    const first = gruStep(d, opts.bos, start);

    // every alternative opening word is a separate hypothesis branching off the same state
    let beams: Hypothesis[] = [];
    for (const tok of topK(first.logp, opts.width)) {
      const next = gruStep(d, tok, first.h);
      beams.push({ tokens: [tok], score: first.logp[tok], h: next.h, logp: next.logp, finished: tok === opts.eos });
    }

    for (let t = 1; t < opts.maxLen && beams.some((b) => !b.finished); t++) {
      const candidates: Hypothesis[] = [];
      for (const beam of beams) {
        if (beam.finished) {
          candidates.push(beam);
          continue;
        }
        for (const tok of topK(beam.logp, opts.width)) {
          const next = gruStep(d, tok, beam.h);
          candidates.push({
            tokens: [...beam.tokens, tok],
            score: beam.score + beam.logp[tok],
            h: next.h,
            logp: next.logp,
            finished: tok === opts.eos,
          });
        }
      }
      beams = candidates
        .sort((a, b) => b.score / b.tokens.length - a.score / a.tokens.length)
        .slice(0, opts.width);
    }
    return beams.map((b) => b.tokens);
  });
}
