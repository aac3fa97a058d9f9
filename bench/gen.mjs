// Generators of synthetic recurrent TensorFlow.js TypeScript: the code RNNLint exists for.
// A file is a header (imports) followed by blocks drawn in turn from the templates below: RNNCell
// subclasses (GRU, LSTM), forward-style cells driven by unroll loops, plain step functions unrolled
// inside optimizer.minimize, tidy-wrapped encoders, stateful generation, seq2seq. Every identifier
// carries the variant and block number, so two variants of the same size differ in text (no parser,
// engine or JIT cache can reuse an earlier result) while keeping the same shape and cost.
// Roughly one block in six carries a real bug (stale state, stacked activation, state leak, tidy
// disposal), so the rules report and the report path is measured too.

/** @typedef {(id: string, n: number) => string} Template */

/** @type {Template[]} */
const TEMPLATES = [
  // GRU cell as a tf.layers.RNNCell subclass.
  (id, n) => `
export class GRUCell${id} extends tf.layers.RNNCell {
  static className = 'GRUCell${id}';
  stateSize: number;
  private kernel!: tf.Variable;
  private recurrentKernel!: tf.Variable;
  private bias!: tf.Variable;

  constructor(private readonly units: number) {
    super({});
    this.stateSize = units;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const d = shape[shape.length - 1] as number;
    this.kernel = tf.variable(tf.randomNormal([d, 3 * this.units], 0, ${(0.01 + n / 1e6).toFixed(6)}));
    this.recurrentKernel = tf.variable(tf.randomNormal([this.units, 3 * this.units], 0, 0.05));
    this.bias = tf.variable(tf.zeros([3 * this.units]));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x${id}, hPrev${id}] = inputs as tf.Tensor2D[];
      const xProj = tf.matMul(x${id}, this.kernel).add(this.bias) as tf.Tensor2D;
      const hProj = tf.matMul(hPrev${id}, this.recurrentKernel) as tf.Tensor2D;
      const [xz, xr, xn] = tf.split(xProj, 3, 1);
      const [hz, hr, hn] = tf.split(hProj, 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const cand = tf.tanh(xn.add(r.mul(hn)));
      const h${id} = tf.sub(1, z).mul(cand).add(z.mul(hPrev${id}));
      return [h${id}, h${id}];
    });
  }
}
`,
  // LSTM cell carrying c, as a tf.layers.RNNCell subclass.
  (id, n) => `
export class LSTMCell${id} extends tf.layers.RNNCell {
  static className = 'LSTMCell${id}';
  stateSize: number[];
  private kernel: tf.Variable;
  private recurrentKernel: tf.Variable;
  private bias: tf.Variable;

  constructor(inputDim: number, units: number) {
    super({});
    this.stateSize = [units, units];
    this.kernel = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.05));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.05));
    this.bias = tf.variable(tf.fill([4 * units], ${(n % 7) / 10}));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x${id}, hPrev${id}, cPrev${id}] = inputs as tf.Tensor2D[];
      const gates = tf.matMul(x${id}, this.kernel)
        .add(tf.matMul(hPrev${id}, this.recurrentKernel))
        .add(this.bias) as tf.Tensor2D;
      const [zi, zf, zg, zo] = tf.split(gates, 4, 1);
      const i = tf.sigmoid(zi);
      const f = tf.sigmoid(zf);
      const g = tf.tanh(zg);
      const o = tf.sigmoid(zo);
      const c${id} = f.mul(cPrev${id}).add(i.mul(g));
      const h${id} = o.mul(tf.tanh(c${id}));
      return [h${id}, h${id}, c${id}];
    });
  }
}
`,
  // Plain step function unrolled inside optimizer.minimize (correct BPTT).
  (id, n) => `
const H${id} = ${16 + (n % 48)};
const Wx${id} = tf.variable(tf.randomNormal([4, H${id}], 0, 0.1));
const Wh${id} = tf.variable(tf.randomNormal([H${id}, H${id}], 0, 0.1));
const Wo${id} = tf.variable(tf.randomNormal([H${id}, 1], 0, 0.1));
const optimizer${id} = tf.train.adam(0.001);

function step${id}(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx${id}).add(tf.matMul(h, Wh${id}))) as tf.Tensor2D;
}

export function train${id}(xs: tf.Tensor2D[], target: tf.Tensor2D): number {
  const loss = optimizer${id}.minimize(() => {
    let h${id}: tf.Tensor2D = tf.zeros([1, H${id}]);
    for (const x of xs) {
      h${id} = step${id}(x, h${id});
    }
    return tf.losses.meanSquaredError(target, tf.matMul(h${id}, Wo${id})) as tf.Scalar;
  }, true);
  return loss!.dataSync()[0];
}
`,
  // Encoder whose loop body runs the step inside tf.tidy and disposes the previous state.
  (id, n) => `
const EH${id} = ${8 + (n % 24)};
const EWx${id} = tf.variable(tf.randomNormal([2, EH${id}], 0, 0.1));
const EWh${id} = tf.variable(tf.randomNormal([EH${id}, EH${id}], 0, 0.1));

function encStep${id}(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, EWx${id}).add(tf.matMul(h, EWh${id}))) as tf.Tensor2D;
}

export function encode${id}(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h${id}: tf.Tensor2D = tf.zeros([1, EH${id}]);
  for (const x of xs) {
    const prev = h${id};
    h${id} = tf.tidy(() => encStep${id}(x, prev));
    prev.dispose();
  }
  return h${id};
}
`,
  // PyTorch-style cell with forward(), driven by an index loop; resets per sequence.
  (id, n) => `
class ElmanCell${id} {
  private wIh: tf.Variable;
  private wHh: tf.Variable;
  private b: tf.Variable;
  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.wHh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
    this.b = tf.variable(tf.zeros([hiddenSize]));
  }
  forward(input: tf.Tensor2D, hidden${id}: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(tf.matMul(input, this.wIh), tf.matMul(hidden${id}, this.wHh)).add(this.b);
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

export function runSequences${id}(sequences: tf.Tensor2D[][], hiddenSize: number): tf.Tensor2D[] {
  const cell${id} = new ElmanCell${id}(${10 + (n % 5)}, hiddenSize);
  const finals: tf.Tensor2D[] = [];
  for (const seq of sequences) {
    let hidden${id}: tf.Tensor2D = tf.zeros([seq[0].shape[0], hiddenSize]);
    for (let t = 0; t < seq.length; t++) {
      hidden${id} = cell${id}.forward(seq[t], hidden${id});
    }
    finals.push(hidden${id});
  }
  return finals;
}
`,
  // BUG (stale-state): every timestep is fed the initial hidden state.
  (id, n) => `
export function unrollStale${id}(cell: GRUStepper${id}, inputs: tf.Tensor2D[], batch: number): tf.Tensor2D[] {
  const hidden${id}: tf.Tensor2D = tf.zeros([batch, ${20 + (n % 11)}]);
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < inputs.length; t++) {
    const newHidden = cell.forward(inputs[t], hidden${id});
    outputs.push(newHidden);
  }
  return outputs;
}

class GRUStepper${id} {
  private wz = tf.variable(tf.randomNormal([${20 + (n % 11)}, ${20 + (n % 11)}], 0, 0.1));
  private wr = tf.variable(tf.randomNormal([${20 + (n % 11)}, ${20 + (n % 11)}], 0, 0.1));
  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const z = tf.sigmoid(tf.matMul(h, this.wz).add(x));
    const r = tf.sigmoid(tf.matMul(h, this.wr).add(x));
    return tf.sub(1, z).mul(h).add(z.mul(tf.tanh(r.mul(h).add(x)))) as tf.Tensor2D;
  }
}
`,
  // Seq2seq: an encoder loop feeding its final state to a decoder loop, with a dense head.
  (id, n) => `
const SH${id} = ${32 + (n % 32)};
const encWx${id} = tf.variable(tf.randomNormal([8, SH${id}], 0, 0.05));
const encWh${id} = tf.variable(tf.randomNormal([SH${id}, SH${id}], 0, 0.05));
const decWx${id} = tf.variable(tf.randomNormal([8, SH${id}], 0, 0.05));
const decWh${id} = tf.variable(tf.randomNormal([SH${id}, SH${id}], 0, 0.05));
const head${id} = tf.layers.dense({ units: 8, activation: 'softmax' });

function encoderStep${id}(x: tf.Tensor2D, state: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, encWx${id}).add(tf.matMul(state, encWh${id}))) as tf.Tensor2D;
}

function decoderStep${id}(y: tf.Tensor2D, state: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(y, decWx${id}).add(tf.matMul(state, decWh${id}))) as tf.Tensor2D;
}

export function translate${id}(source: tf.Tensor2D[], steps: number, start: tf.Tensor2D): tf.Tensor2D[] {
  return tf.tidy(() => {
    let state${id}: tf.Tensor2D = tf.zeros([1, SH${id}]);
    for (const x of source) state${id} = encoderStep${id}(x, state${id});
    const outputs: tf.Tensor2D[] = [];
    let y = start;
    for (let t = 0; t < steps; t++) {
      state${id} = decoderStep${id}(y, state${id});
      y = head${id}.apply(state${id}) as tf.Tensor2D;
      outputs.push(y);
    }
    return outputs;
  });
}
`,
  // BUG (stacked-activation): tanh applied to the output of tanh.
  (id, n) => `
export class StackedCell${id} extends tf.layers.RNNCell {
  static className = 'StackedCell${id}';
  stateSize = ${12 + (n % 20)};
  private w!: tf.Variable;
  private u!: tf.Variable;

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.w = tf.variable(tf.randomNormal([shape[shape.length - 1] as number, this.stateSize], 0, 0.1));
    this.u = tf.variable(tf.randomNormal([this.stateSize, this.stateSize], 0, 0.1));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x${id}, s${id}] = inputs as tf.Tensor2D[];
      const pre = tf.matMul(x${id}, this.w).add(tf.matMul(s${id}, this.u));
      const next${id} = tf.tanh(tf.tanh(pre));
      return [next${id}, next${id}];
    });
  }
}
`,
  // Stateful generation with a Keras-style LSTM layer; resetStates before each sequence.
  (id, n) => `
const vocab${id} = ${30 + (n % 30)};
const model${id} = tf.sequential();
model${id}.add(tf.layers.lstm({ units: 64, stateful: true, batchInputShape: [1, 1, vocab${id}] }));
model${id}.add(tf.layers.dense({ units: vocab${id}, activation: 'softmax' }));

export function generate${id}(seedId: number, length: number): number[] {
  model${id}.resetStates();
  const ids: number[] = [seedId];
  let current = seedId;
  for (let i = 0; i < length; i++) {
    const x = tf.oneHot([current], vocab${id}).toFloat().reshape([1, 1, vocab${id}]);
    const probs = model${id}.predict(x) as tf.Tensor2D;
    current = probs.argMax(-1).dataSync()[0];
    ids.push(current);
    tf.dispose([x, probs]);
  }
  return ids;
}
`,
  // LSTM step function with a [h, c] tuple unrolled with reduce.
  (id, n) => `
const LU${id} = ${16 + (n % 16)};
const LW${id} = tf.variable(tf.randomNormal([LU${id} + 6, 4 * LU${id}], 0, 0.08));
const LB${id} = tf.variable(tf.zeros([4 * LU${id}]));

function lstmStep${id}(x: tf.Tensor2D, [h, c]: [tf.Tensor2D, tf.Tensor2D]): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.matMul(tf.concat([x, h], 1), LW${id}).add(LB${id}) as tf.Tensor2D;
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const cNext = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg))) as tf.Tensor2D;
  const hNext = tf.sigmoid(zo).mul(tf.tanh(cNext)) as tf.Tensor2D;
  return [hNext, cNext];
}

export function finalState${id}(xs: tf.Tensor2D[]): tf.Tensor2D {
  const init: [tf.Tensor2D, tf.Tensor2D] = [tf.zeros([1, LU${id}]), tf.zeros([1, LU${id}])];
  const [hLast${id}] = xs.reduce((state, x) => lstmStep${id}(x, state), init);
  return hLast${id};
}
`,
];

const HEADER = `// Generated by bench/gen.mjs: synthetic recurrent TensorFlow.js code for benchmarks.
import * as tf from '@tensorflow/tfjs';
`;

/**
 * A recurrent TypeScript file of about `lines` lines (never fewer). `variant` changes every
 * identifier (and a few constants) without changing the shape; `offset` rotates the templates.
 */
export function generateFile(lines, variant = 0, offset = 0) {
  const parts = [HEADER];
  let count = HEADER.split('\n').length - 1;
  for (let k = 0; count < lines; k++) {
    const t = TEMPLATES[(k + offset) % TEMPLATES.length];
    const block = t(`_${variant}_${k}`, variant * 7919 + k);
    parts.push(block);
    count += block.split('\n').length - 1;
  }
  return parts.join('');
}

export function lineCount(text) {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export const TEMPLATE_COUNT = TEMPLATES.length;
