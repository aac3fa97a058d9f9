// expect: stale-state
// Handwritten-word recogniser: RNN over image column features followed by CTC greedy decoding (blank = index 0).
import * as tf from '@tensorflow/tfjs';

export const CHARS = ['-', ...'abcdefghijklmnopqrstuvwxyz'];

export interface RecogniserWeights {
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  b: tf.Tensor1D;
  wc: tf.Tensor2D;
}

export function loadWeights(featDim: number, units: number): RecogniserWeights {
  return {
    wx: tf.randomNormal([featDim, units], 0, 0.4, 'float32', 71),
    wh: tf.randomNormal([units, units], 0, 0.4, 'float32', 72),
    b: tf.zeros([units]),
    wc: tf.randomNormal([units, CHARS.length], 0, 0.6, 'float32', 73),
  };
}

const makeCell = (w: RecogniserWeights) => (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(tf.matMul(x, w.wx).add(tf.matMul(h, w.wh)).add(w.b));

interface Unrolled {
  h: tf.Tensor2D;
  outputs: tf.Tensor2D[];
}

/** columns: [T, featDim] -> per-column character log-probs [T, |CHARS|] */
export function columnLogProbs(w: RecogniserWeights, columns: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const cell = makeCell(w);
    const units = w.wh.shape[0];
    const h0: tf.Tensor2D = tf.zeros([1, units]);
    const xs = tf.split(columns, columns.shape[0], 0) as tf.Tensor2D[];
    const { outputs } = xs.reduce<Unrolled>(
      (acc, x) => {
        const h = cell(x, h0);
        return { h, outputs: [...acc.outputs, h] };
      },
      { h: h0, outputs: [] },
    );
    const H = tf.concat(outputs, 0);
    return tf.logSoftmax(tf.matMul(H, w.wc)) as tf.Tensor2D;
  });
}

/** Best path: argmax per column, merge repeats, drop blanks. */
export function greedyDecode(logProbs: tf.Tensor2D): string {
  const best = logProbs.argMax(1).arraySync() as number[];
  let prev = -1;
  let out = '';
  for (const k of best) {
    if (k !== prev && k !== 0) out += CHARS[k];
    prev = k;
  }
  return out;
}

export function recognise(w: RecogniserWeights, columns: number[][]): { text: string; confidence: number } {
  const x = tf.tensor2d(columns);
  const lp = columnLogProbs(w, x);
  const text = greedyDecode(lp);
  const confidence = Math.exp(tf.tidy(() => lp.max(1).mean().dataSync()[0]));
  tf.dispose([x, lp]);
  return { text, confidence };
}

if (require.main === module) {
  const w = loadWeights(8, 20);
  const cols = Array.from({ length: 18 }, (_, t) => Array.from({ length: 8 }, (_, k) => Math.sin((t + 1) * (k + 1) * 0.37)));
  const r = recognise(w, cols);
  console.log(`decoded "${r.text}" (mean best-path prob ${r.confidence.toFixed(3)})`);
}
