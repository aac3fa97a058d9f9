// expect: none
// One-step lookahead: each candidate token is scored from the SAME current state on purpose,
// then the state advances once with the chosen token.
import * as tf from '@tensorflow/tfjs';

const vocab = 30;
const H = 20;
const cell = tf.layers.gruCell({ units: H });
cell.build([null, vocab]);
const readout = tf.layers.dense({ units: vocab });

function embed(id: number): tf.Tensor2D {
  return tf.oneHot([id], vocab).toFloat() as tf.Tensor2D;
}

export function greedyWithLookahead(startId: number, steps: number): number[] {
  let state: tf.Tensor = tf.zeros([1, H]);
  let current = startId;
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    const [, next] = cell.call([embed(current), state], {}) as tf.Tensor[];
    const logits = readout.apply(next) as tf.Tensor2D;
    const candidates = Array.from(tf.topk(logits, 3).indices.dataSync());
    let best = candidates[0];
    let bestScore = -Infinity;
    for (const cand of candidates) {
      const [, lookahead] = cell.call([embed(cand), next], {}) as tf.Tensor[];
      const score = tf.max(readout.apply(lookahead) as tf.Tensor2D).dataSync()[0];
      if (score > bestScore) {
        bestScore = score;
        best = cand;
      }
    }
    state = next;
    current = best;
    out.push(best);
  }
  return out;
}
