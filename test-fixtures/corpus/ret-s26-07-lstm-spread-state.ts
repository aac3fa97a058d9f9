// expect: returns-input-state
// Notebook cells: a small LSTM cell class, run over a few synthetic click-stream sequences to look at the embeddings it builds.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: types + cell ---
type LSTMState = { h: tf.Tensor2D; c: tf.Tensor2D };

class LSTMCell {
  readonly W: tf.Variable;
  readonly b: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number, seed = 1) {
    this.W = tf.variable(tf.randomNormal([inputDim + units, 4 * units], 0, 0.25, 'float32', seed));
    const bias = new Float32Array(4 * units);
    bias.fill(1, units, 2 * units); // forget gate bias
    this.b = tf.variable(tf.tensor1d(bias));
  }

  zeroState(batch: number): LSTMState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  step(x: tf.Tensor2D, state: LSTMState): LSTMState {
    return tf.tidy(() => {
      const gates = tf.matMul(tf.concat([x, state.h], 1), this.W).add(this.b);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      return { ...state, h };
    });
  }
}

// --- cell 2: synthetic sessions (one-hot page ids) ---
const PAGES = 5;
const sessions: number[][] = [
  [0, 1, 2, 3, 4],
  [0, 0, 0, 1, 1, 1, 2],
  [4, 3, 2, 1, 0, 0, 0, 0],
  [2, 2, 4, 4, 2, 2, 4, 4, 2],
];

// --- cell 3: encode a session ---
const cell = new LSTMCell(PAGES, 8, 17);

function encode(pages: number[]): tf.Tensor2D {
  let state = cell.zeroState(1);
  for (const p of pages) {
    const x = tf.tidy(() => tf.oneHot([p], PAGES).toFloat() as tf.Tensor2D);
    state = cell.step(x, state);
    x.dispose();
  }
  return state.h;
}

// --- cell 4: look at the embeddings ---
const embeddings = sessions.map(encode);
console.table(
  embeddings.map((e, k) => ({
    session: k,
    len: sessions[k].length,
    norm: +e.norm().dataSync()[0].toFixed(4),
    first3: Array.from(e.dataSync().slice(0, 3)).map((v) => v.toFixed(3)).join(', '),
  })),
);

// --- cell 5: cosine similarity between sessions ---
const stacked = tf.concat(embeddings, 0);
const unit = stacked.div(stacked.norm('euclidean', 1, true));
const sim = tf.matMul(unit, unit, false, true);
console.log((sim.arraySync() as number[][]).map((r) => r.map((v) => v.toFixed(2)).join('  ')).join('\n'));
