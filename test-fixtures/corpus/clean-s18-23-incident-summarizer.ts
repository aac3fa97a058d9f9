// expect: none
// Incident summarizer: an observable of metric windows feeds an attention RNN that emits a short token summary per incident.
import * as tf from '@tensorflow/tfjs';

export class Subject<T> {
  private observers = new Set<(v: T) => void>();
  subscribe(fn: (v: T) => void): { unsubscribe: () => void } {
    this.observers.add(fn);
    return { unsubscribe: () => this.observers.delete(fn) };
  }
  next(v: T): void {
    this.observers.forEach((fn) => fn(v));
  }
}

const METRICS = 4;
const MAX_LEN = 12;
const UNITS = 16;
const VOCAB = ['<s>', 'cpu', 'mem', 'disk', 'net', 'spike', 'drop', 'steady', '</s>'];

const p = {
  encX: tf.randomNormal([METRICS, UNITS], 0, 0.4, 'float32', 400) as tf.Tensor2D,
  encH: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 401) as tf.Tensor2D,
  emb: tf.randomNormal([VOCAB.length, UNITS], 0, 0.4, 'float32', 402) as tf.Tensor2D,
  attn: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 403) as tf.Tensor2D,
  decX: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 404) as tf.Tensor2D,
  decC: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 405) as tf.Tensor2D,
  decH: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 406) as tf.Tensor2D,
  out: tf.randomNormal([UNITS, VOCAB.length], 0, 0.5, 'float32', 407) as tf.Tensor2D,
};

function encode(rows: number[][]): { memory: tf.Tensor2D; mask: tf.Tensor1D; last: tf.Tensor2D } {
  const padded = rows.slice(0, MAX_LEN);
  const mask = tf.tensor1d(Array.from({ length: MAX_LEN }, (_, t) => (t < padded.length ? 1 : 0)));
  while (padded.length < MAX_LEN) padded.push(new Array(METRICS).fill(0));
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  const outputs: tf.Tensor2D[] = [];
  padded.forEach((row, t) => {
    const hNew = tf.tanh(tf.add(tf.matMul(tf.tensor2d([row]), p.encX), tf.matMul(h, p.encH))) as tf.Tensor2D;
    const m = t < rows.length ? 1 : 0;
    h = tf.add(tf.mul(m, hNew), tf.mul(1 - m, h)) as tf.Tensor2D;
    outputs.push(h);
  });
  return { memory: tf.concat(outputs, 0), mask, last: h };
}

function attend(memory: tf.Tensor2D, mask: tf.Tensor1D, h: tf.Tensor2D): tf.Tensor2D {
  const scores = tf.matMul(memory, tf.matMul(h, p.attn), false, true).reshape([MAX_LEN]);
  const masked = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
  const weights = tf.softmax(masked).reshape([1, MAX_LEN]);
  return tf.matMul(weights, memory) as tf.Tensor2D;
}

export function summarize(rows: number[][], maxTokens = 6): string[] {
  return tf.tidy(() => {
    const { memory, mask, last } = encode(rows);
    let h = last;
    let token = 0;
    const words: string[] = [];
    for (let step = 0; step < maxTokens; step++) {
      const context = attend(memory, mask, h);
      const x = tf.gather(p.emb, [token]) as tf.Tensor2D;
      h = tf.tanh(
        tf.add(tf.add(tf.matMul(x, p.decX), tf.matMul(context, p.decC)), tf.matMul(h, p.decH)),
      ) as tf.Tensor2D;
      const probs = tf.softmax(tf.matMul(h, p.out));
      token = tf.argMax(probs, 1).dataSync()[0];
      if (VOCAB[token] === '</s>') break;
      words.push(VOCAB[token]);
    }
    return words;
  });
}

export function wireSummaries(incidents: Subject<{ id: string; rows: number[][] }>) {
  const summaries = new Subject<{ id: string; text: string }>();
  incidents.subscribe(({ id, rows }) => summaries.next({ id, text: summarize(rows).join(' ') }));
  return summaries;
}

if (require.main === module) {
  const incidents = new Subject<{ id: string; rows: number[][] }>();
  wireSummaries(incidents).subscribe(({ id, text }) => console.log(id, '->', text));
  incidents.next({ id: 'INC-1', rows: [[0.2, 0.3, 0.1, 0.1], [0.9, 0.3, 0.1, 0.2], [0.95, 0.4, 0.1, 0.2]] });
  incidents.next({ id: 'INC-2', rows: Array.from({ length: 10 }, (_, t) => [0.1, 0.2 + t * 0.07, 0.5, 0.1]) });
}
