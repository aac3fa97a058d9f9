// expect: state-leak
// Escalation-risk scoring for long support-ticket threads: each thread is streamed through a GRU in token chunks.
import * as tf from '@tensorflow/tfjs';

interface Thread {
  id: string;
  tokens: number[];
}

const VOCAB = 500;
const EMBED = 24;
const HIDDEN = 32;
const CHUNK = 32;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function* chunked<T>(xs: T[], size: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

class ThreadScorer {
  readonly embedding = tf.variable(tf.randomNormal([VOCAB, EMBED], 0, 0.1));
  readonly W = tf.variable(tf.randomNormal([EMBED, 3 * HIDDEN], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([HIDDEN, 3 * HIDDEN], 0, 0.1));
  readonly b = tf.variable(tf.zeros([3 * HIDDEN]));
  readonly w_risk = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));
  readonly b_risk = tf.variable(tf.zeros([1]));

  init_states(): tf.Tensor2D {
    return tf.zeros([1, HIDDEN]);
  }

  forward(token_ids: number[], hidden: tf.Tensor2D): tf.Tensor2D {
    const embedded = tf.gather(this.embedding, tf.tensor1d(token_ids, 'int32'));
    let h = hidden;
    for (const x of tf.unstack(embedded)) {
      const [xr, xz, xn] = tf.split(tf.matMul(x.expandDims(0), this.W).add(this.b), 3, 1);
      const [hr, hz, hn] = tf.split(tf.matMul(h, this.U), 3, 1);
      const r = tf.sigmoid(xr.add(hr));
      const z = tf.sigmoid(xz.add(hz));
      const n = tf.tanh(xn.add(r.mul(hn)));
      h = tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
    }
    return h;
  }

  score(hidden: tf.Tensor2D): number {
    return tf.tidy(() => tf.sigmoid(tf.matMul(hidden, this.w_risk).add(this.b_risk)).dataSync()[0]);
  }
}

async function* read_threads(n: number): AsyncGenerator<Thread> {
  for (const i of range(n)) {
    await new Promise<void>((resolve) => setTimeout(resolve, 5)); // stands in for a paged API call
    const length = 40 + Math.floor(Math.random() * 200);
    yield { id: `T-${1000 + i}`, tokens: range(length).map(() => Math.floor(Math.random() * VOCAB)) };
  }
}

async function score_threads(model: ThreadScorer, n: number): Promise<Array<{ id: string; risk: number }>> {
  const results: Array<{ id: string; risk: number }> = [];
  let state = model.init_states();
  for await (const thread of read_threads(n)) {
    for (const chunk of chunked(thread.tokens, CHUNK)) {
      const next_state = tf.tidy(() => model.forward(chunk, state));
      state.dispose();
      state = next_state;
    }
    results.push({ id: thread.id, risk: model.score(state) });
  }
  state.dispose();
  return results;
}

async function main(): Promise<void> {
  const model = new ThreadScorer();
  const results = await score_threads(model, 12);
  results.sort((a, b) => b.risk - a.risk);
  console.log('highest-risk threads:');
  for (const r of results.slice(0, 5)) console.log(`  ${r.id}: ${r.risk.toFixed(3)}`);
  console.log('tensors alive:', tf.memory().numTensors);
}

main();
