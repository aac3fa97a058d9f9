// expect: none
// Two-layer LSTM language model over commit messages, written PyTorch-style with per-layer (h, c) tuples.
import * as tf from '@tensorflow/tfjs';

type LayerState = [tf.Tensor2D, tf.Tensor2D];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function zip<A, B>(a: A[], b: B[]): Array<[A, B]> {
  return range(Math.min(a.length, b.length)).map((i): [A, B] => [a[i], b[i]]);
}

class LSTMLayer {
  readonly W: tf.Variable;
  readonly U: tf.Variable;
  readonly b: tf.Variable;

  constructor(input_size: number, readonly hidden_size: number) {
    this.W = tf.variable(tf.randomUniform([input_size, 4 * hidden_size], -0.1, 0.1));
    this.U = tf.variable(tf.randomUniform([hidden_size, 4 * hidden_size], -0.1, 0.1));
    this.b = tf.variable(tf.zeros([4 * hidden_size]));
  }

  forward(x: tf.Tensor2D, [h, c]: LayerState): LayerState {
    const gates = tf.matMul(x, this.W).add(tf.matMul(h, this.U)).add(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next)) as tf.Tensor2D;
    return [h_next, c_next];
  }
}

class StackedLSTM {
  readonly layers: LSTMLayer[];
  readonly embedding: tf.Variable;
  readonly proj_w: tf.Variable;
  readonly proj_b: tf.Variable;

  constructor(readonly vocab_size: number, embed: number, hidden: number, num_layers = 2) {
    this.embedding = tf.variable(tf.randomUniform([vocab_size, embed], -0.1, 0.1));
    this.layers = range(num_layers).map((i) => new LSTMLayer(i === 0 ? embed : hidden, hidden));
    this.proj_w = tf.variable(tf.randomUniform([hidden, vocab_size], -0.1, 0.1));
    this.proj_b = tf.variable(tf.zeros([vocab_size]));
  }

  init_states(batch_size: number): LayerState[] {
    return this.layers.map((l): LayerState => [tf.zeros([batch_size, l.hidden_size]), tf.zeros([batch_size, l.hidden_size])]);
  }

  forward(ids_t: tf.Tensor1D, states: LayerState[]): [tf.Tensor2D, LayerState[]] {
    let x = tf.gather(this.embedding, ids_t) as tf.Tensor2D;
    const new_states: LayerState[] = [];
    for (const [layer, state] of zip(this.layers, states)) {
      const [h, c] = layer.forward(x, state);
      new_states.push([h, c]);
      x = h;
    }
    const logits = tf.matMul(x, this.proj_w).add(this.proj_b) as tf.Tensor2D;
    return [logits, new_states];
  }
}

const corpus = [
  'fix typo in readme', 'add unit tests for parser', 'bump version to 1 2 0',
  'fix null check in parser', 'add docs for cli flags', 'refactor parser error handling',
  'update readme with install steps',
];
const vocab = ['<pad>', '<bos>', '<eos>', ...new Set(corpus.join(' ').split(' '))];
const stoi = new Map(vocab.map((w, i): [string, number] => [w, i]));
const encode = (s: string): number[] => [1, ...s.split(' ').map((w) => stoi.get(w) ?? 0), 2];

// time-major lists of [batch] tensors: inputs, next-token targets, padding mask
function make_batch(sentences: string[]): [tf.Tensor1D[], tf.Tensor1D[], tf.Tensor1D[]] {
  const encoded = sentences.map(encode);
  const max_len = Math.max(...encoded.map((e) => e.length));
  const padded = encoded.map((e) => [...e, ...new Array<number>(max_len - e.length).fill(0)]);
  const steps = range(max_len - 1);
  return [
    steps.map((t) => tf.tensor1d(padded.map((p) => p[t]), 'int32')),
    steps.map((t) => tf.tensor1d(padded.map((p) => p[t + 1]), 'int32')),
    steps.map((t) => tf.tensor1d(padded.map((p) => (p[t + 1] === 0 ? 0 : 1)))),
  ];
}

const model = new StackedLSTM(vocab.length, 16, 32);
const optimizer = tf.train.adam(0.01);
const [inputs, targets, masks] = make_batch(corpus);

for (const epoch of range(80)) {
  const loss = optimizer.minimize(() => {
    let states = model.init_states(corpus.length);
    let total: tf.Tensor = tf.scalar(0);
    for (const t of range(inputs.length)) {
      const [logits, next_states] = model.forward(inputs[t], states);
      states = next_states;
      const onehot = tf.oneHot(targets[t], vocab.length).toFloat();
      const nll = tf.losses.softmaxCrossEntropy(onehot, logits, masks[t], 0, tf.Reduction.NONE);
      total = total.add(nll.sum());
    }
    return total.div(tf.addN(masks).sum()) as tf.Scalar;
  }, true)!;
  if (epoch % 10 === 0) console.log(`epoch ${epoch}: loss ${loss.dataSync()[0].toFixed(4)}`);
  loss.dispose();
}

function complete(prefix: string, max_tokens = 10): string {
  const words = prefix.split(' ');
  return tf.tidy(() => {
    let states = model.init_states(1);
    let logits: tf.Tensor2D | null = null;
    for (const id of [1, ...words.map((w) => stoi.get(w) ?? 0)]) {
      [logits, states] = model.forward(tf.tensor1d([id], 'int32'), states);
    }
    const out = [...words];
    for (const _ of range(max_tokens)) {
      const next = logits!.argMax(1).dataSync()[0];
      if (next === 2) break;
      out.push(vocab[next]);
      [logits, states] = model.forward(tf.tensor1d([next], 'int32'), states);
    }
    return out.join(' ');
  });
}

for (const prefix of ['fix', 'add unit', 'update']) console.log(`${prefix} -> ${complete(prefix)}`);
tf.dispose([inputs, targets, masks]);
