// expect: returns-input-state
// tslab cells: a GRU cell written against the Keras-style (output, states[]) convention, unrolled by a small rnn() helper.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: the cell ---
type States = tf.Tensor[];

class MiniGRUCell {
  readonly stateSize: number;
  private readonly kernel: tf.Variable;
  private readonly recurrentKernel: tf.Variable;
  private readonly bias: tf.Variable;

  constructor(inputDim: number, units: number, seed = 0) {
    this.stateSize = units;
    this.kernel = tf.variable(tf.randomNormal([inputDim, 3 * units], 0, 0.4, 'float32', seed));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1));
    this.bias = tf.variable(tf.zeros([3 * units]));
  }

  call(x: tf.Tensor, states: States): [tf.Tensor, States] {
    return tf.tidy(() => {
      const [h] = states;
      const xk = tf.matMul(x, this.kernel).add(this.bias);
      const hk = tf.matMul(h, this.recurrentKernel);
      const [xz, xr, xc] = tf.split(xk, 3, 1);
      const [hz, hr, hc] = tf.split(hk, 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const cand = tf.tanh(xc.add(r.mul(hc)));
      const out = z.mul(h).add(tf.sub(1, z).mul(cand));
      return [out, [h]] as [tf.Tensor, States];
    });
  }
}

// --- cell 2: unroll helper ---
function rnn(cell: MiniGRUCell, xs: tf.Tensor3D, initial?: States) {
  const steps = tf.unstack(xs, 1);
  let states: States = initial ?? [tf.zeros([xs.shape[0], cell.stateSize])];
  const outputs: tf.Tensor[] = [];
  for (const x of steps) {
    const [out, next] = cell.call(x, states);
    outputs.push(out);
    states = next;
  }
  tf.dispose(steps);
  return { sequence: tf.stack(outputs, 1), last: outputs[outputs.length - 1], states };
}

// --- cell 3: data, batch of 3 random-walk sequences ---
const walks = tf.tidy(() => tf.randomNormal([3, 15, 2], 0, 1, 'float32', 9).cumsum(1).div(4)) as tf.Tensor3D;
const gru = new MiniGRUCell(2, 6, 40);

// --- cell 4: run + inspect ---
const { sequence, last, states } = rnn(gru, walks);
console.log('sequence shape', sequence.shape, 'state shape', states[0].shape);
console.table(
  (last.arraySync() as number[][]).map((row, b) => ({
    walk: b,
    out: row.map((v) => v.toFixed(3)).join(' '),
    stateNorm: +tf.tidy(() => states[0].slice([b, 0], [1, -1]).norm().dataSync()[0]).toFixed(4),
  })),
);

// --- cell 5: continue the same walks for 5 more steps from where we stopped ---
const more = tf.tidy(() => tf.randomNormal([3, 5, 2], 0, 1, 'float32', 10).div(4)) as tf.Tensor3D;
const cont = rnn(gru, more, states);
console.log('continued last output', (cont.last.arraySync() as number[][]).map((r) => r[0].toFixed(3)));
