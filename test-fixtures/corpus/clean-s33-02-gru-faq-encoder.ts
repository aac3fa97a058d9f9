// expect: none
// Sentence encoder built from a hand-written GRU cell (PyTorch nn.GRUCell equations), used for nearest-neighbour FAQ lookup.
import * as tf from '@tensorflow/tfjs';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function zip<A, B>(a: A[], b: B[]): Array<[A, B]> {
  return range(Math.min(a.length, b.length)).map((i): [A, B] => [a[i], b[i]]);
}

const uniform = (shape: number[]): tf.Variable => tf.variable(tf.randomUniform(shape, -0.1, 0.1));

const tokenize = (s: string): string[] =>
  s.toLowerCase().replace(/[^a-z0-9\s]/g, '').split(/\s+/).filter(Boolean);

class GRUCell {
  readonly W_ir: tf.Variable;
  readonly W_iz: tf.Variable;
  readonly W_in: tf.Variable;
  readonly W_hr: tf.Variable;
  readonly W_hz: tf.Variable;
  readonly W_hn: tf.Variable;
  readonly b_r: tf.Variable;
  readonly b_z: tf.Variable;
  readonly b_in: tf.Variable;
  readonly b_hn: tf.Variable;

  constructor(readonly input_size: number, readonly hidden_size: number) {
    [this.W_ir, this.W_iz, this.W_in] = range(3).map(() => uniform([input_size, hidden_size]));
    [this.W_hr, this.W_hz, this.W_hn] = range(3).map(() => uniform([hidden_size, hidden_size]));
    [this.b_r, this.b_z, this.b_in, this.b_hn] = range(4).map(() => uniform([hidden_size]));
  }

  init_hidden(batch_size = 1): tf.Tensor2D {
    return tf.zeros([batch_size, this.hidden_size]);
  }

  // r  = sigmoid(W_ir x + W_hr h + b_r)
  // z  = sigmoid(W_iz x + W_hz h + b_z)
  // n  = tanh(W_in x + b_in + r * (W_hn h + b_hn))
  // h' = (1 - z) * n + z * h
  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const self = this;
    const r = tf.sigmoid(tf.matMul(input, self.W_ir).add(tf.matMul(hidden, self.W_hr)).add(self.b_r));
    const z = tf.sigmoid(tf.matMul(input, self.W_iz).add(tf.matMul(hidden, self.W_hz)).add(self.b_z));
    const n = tf.tanh(
      tf.matMul(input, self.W_in).add(self.b_in).add(r.mul(tf.matMul(hidden, self.W_hn).add(self.b_hn))));
    const h_next = tf.sub(1, z).mul(n).add(z.mul(hidden)) as tf.Tensor2D;
    return [h_next, h_next];
  }
}

class SentenceEncoder {
  readonly vocab = new Map<string, number>([['<unk>', 0]]);
  readonly embedding: tf.Variable;
  readonly cell: GRUCell;

  constructor(corpus: string[], embed_dim = 32, hidden_size = 48) {
    for (const sentence of corpus) {
      for (const word of tokenize(sentence)) {
        if (!this.vocab.has(word)) this.vocab.set(word, this.vocab.size);
      }
    }
    this.embedding = uniform([this.vocab.size, embed_dim]);
    this.cell = new GRUCell(embed_dim, hidden_size);
  }

  encode(sentence: string): tf.Tensor1D {
    const self = this;
    const ids = tokenize(sentence).map((w) => self.vocab.get(w) ?? 0);
    return tf.tidy(() => {
      const embedded = tf.gather(self.embedding, tf.tensor1d(ids, 'int32')) as tf.Tensor2D;
      let hidden = self.cell.init_hidden();
      for (const x_t of tf.unstack(embedded)) {
        const [, h_next] = self.cell.forward(x_t.expandDims(0) as tf.Tensor2D, hidden);
        hidden = h_next;
      }
      return hidden.squeeze([0]) as tf.Tensor1D;
    });
  }
}

function cosine(a: tf.Tensor1D, b: tf.Tensor1D): number {
  return tf.tidy(() => tf.sum(a.mul(b)).div(tf.norm(a).mul(tf.norm(b)).add(1e-8)).dataSync()[0]);
}

const faq = [
  'How do I reset my password?',
  'Where can I download my invoices?',
  'How do I change the billing address?',
  'Can I export my data to CSV?',
  'How do I delete my account?',
];

const encoder = new SentenceEncoder(faq);
const faq_vectors = faq.map((q) => encoder.encode(q));

function nearest(query: string): [string, number] {
  const q = encoder.encode(query);
  let best: [string, number] = ['', -Infinity];
  for (const [question, vec] of zip(faq, faq_vectors)) {
    const score = cosine(q, vec);
    if (score > best[1]) best = [question, score];
  }
  q.dispose();
  return best;
}

for (const query of ['reset password please', 'where are my invoices', 'export data']) {
  const [match, score] = nearest(query);
  console.log(`${query} -> ${match} (${score.toFixed(3)})`);
}
