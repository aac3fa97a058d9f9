// expect: none
// Beam-search decoder: every candidate expanded from a beam is fed that beam's single new state; siblings sharing the parent's state is correct, and each beam's state advances per step.
import * as tf from '@tensorflow/tfjs';

export interface Decoder {
  /** one step for a single token; returns log-probs [vocab] and the next state */
  step(token: number, state: tf.Tensor2D): { logProbs: tf.Tensor1D; state: tf.Tensor2D };
  initialState(encoded: tf.Tensor2D): tf.Tensor2D;
}

interface Beam {
  tokens: number[];
  score: number;
  state: tf.Tensor2D;
  finished: boolean;
}

export function beamSearch(
  decoder: Decoder,
  encoded: tf.Tensor2D,
  opts: { bos: number; eos: number; width: number; maxLen: number },
): number[][] {
  let beams: Beam[] = [
    { tokens: [opts.bos], score: 0, state: decoder.initialState(encoded), finished: false },
  ];

  for (let t = 0; t < opts.maxLen && beams.some((b) => !b.finished); t++) {
    const candidates: Beam[] = [];
    for (const beam of beams) {
      if (beam.finished) {
        candidates.push(beam);
        continue;
      }
      const last = beam.tokens[beam.tokens.length - 1];
      const { logProbs, state } = decoder.step(last, beam.state);
      const { values, indices } = tf.topk(logProbs, opts.width);
      const lp = values.arraySync();
      const ids = indices.arraySync();
      tf.dispose([logProbs, values, indices]);
      for (let k = 0; k < ids.length; k++) {
        candidates.push({
          tokens: [...beam.tokens, ids[k]],
          score: beam.score + lp[k],
          state, // every child continues from the same decoder state
          finished: ids[k] === opts.eos,
        });
      }
    }
    candidates.sort((a, b) => b.score / b.tokens.length - a.score / a.tokens.length);
    const next = candidates.slice(0, opts.width);

    const keep = new Set(next.map((b) => b.state));
    for (const c of candidates) if (!keep.has(c.state)) c.state.dispose();
    for (const b of beams) if (!keep.has(b.state)) b.state.dispose();
    beams = next;
  }

  const result = beams.map((b) => b.tokens);
  new Set(beams.map((b) => b.state)).forEach((s) => s.dispose());
  return result;
}

/** Tiny GRU-cell decoder with an embedding table, used for tests. */
export function makeToyDecoder(vocab: number, units: number): Decoder {
  const emb = tf.randomNormal([vocab, units], 0, 0.5);
  const cell = tf.layers.gruCell({ units });
  const out = tf.layers.dense({ units: vocab });
  cell.build([null, units]);
  return {
    initialState: (encoded) => tf.tanh(encoded),
    step(token, state) {
      return tf.tidy(() => {
        const x = tf.gather(emb, [token]) as tf.Tensor2D;
        const [, next] = cell.call([x, state], {}) as tf.Tensor2D[];
        const logProbs = tf.logSoftmax(out.apply(next) as tf.Tensor2D).squeeze([0]) as tf.Tensor1D;
        return { logProbs, state: next };
      });
    },
  };
}
