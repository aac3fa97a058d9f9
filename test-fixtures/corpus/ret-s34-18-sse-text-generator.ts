// expect: returns-input-state
// Server-sent-events endpoint that streams generated product-description tokens from a word-level LSTM language model.
import * as tf from '@tensorflow/tfjs';
import type { IncomingMessage, ServerResponse } from 'http';

type LstmState = [tf.Tensor2D, tf.Tensor2D];

export class WordLSTM {
  constructor(
    private readonly embedding: tf.Tensor2D, // [vocab, emb]
    private readonly kernel: tf.Tensor2D, // [emb + hidden, 4 * hidden]
    private readonly bias: tf.Tensor1D,
    private readonly proj: tf.Tensor2D, // [hidden, vocab]
    readonly hidden: number,
  ) {}

  initHidden(): LstmState {
    return [tf.zeros([1, this.hidden]), tf.zeros([1, this.hidden])];
  }

  forward(input: number, hidden: LstmState): [tf.Tensor2D, LstmState] {
    const [h, c] = hidden;
    return tf.tidy(() => {
      const emb = tf.gather(this.embedding, [input]) as tf.Tensor2D;
      const gates = tf.concat([emb, h], 1).matMul(this.kernel).add(this.bias);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const c2 = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h2 = tf.sigmoid(o).mul(tf.tanh(c2)) as tf.Tensor2D;
      const logits = h2.matMul(this.proj) as tf.Tensor2D;
      return [logits, [h2, c]] as [tf.Tensor2D, LstmState];
    });
  }
}

export async function* generate(
  lm: WordLSTM,
  promptIds: number[],
  opts: { maxTokens: number; temperature: number; eosId: number },
): AsyncGenerator<number> {
  let state = lm.initHidden();
  let logits: tf.Tensor2D | null = null;
  for (const id of promptIds) {
    const [out, next] = lm.forward(id, state);
    logits?.dispose();
    tf.dispose(state.filter((t) => !next.includes(t)));
    logits = out;
    state = next;
  }
  try {
    for (let n = 0; n < opts.maxTokens && logits; n++) {
      const sampled = tf.tidy(() => tf.multinomial(logits!.div(opts.temperature) as tf.Tensor2D, 1));
      const [id] = await sampled.data();
      sampled.dispose();
      if (id === opts.eosId) break;
      yield id;
      const [out, next] = lm.forward(id, state);
      logits.dispose();
      tf.dispose(state.filter((t) => !next.includes(t)));
      logits = out;
      state = next;
    }
  } finally {
    logits?.dispose();
    tf.dispose(state);
  }
}

export function sseHandler(lm: WordLSTM, vocab: string[], encode: (s: string) => number[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    const prompt = url.searchParams.get('prompt') ?? '';
    const temperature = Math.max(0.1, Number(url.searchParams.get('t') ?? 0.8));
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    let closed = false;
    req.on('close', () => { closed = true; });
    const ids = [vocab.indexOf('<bos>'), ...encode(prompt)];
    for await (const id of generate(lm, ids, { maxTokens: 120, temperature, eosId: vocab.indexOf('<eos>') })) {
      if (closed) break;
      res.write(`data: ${JSON.stringify({ token: vocab[id] })}\n\n`);
    }
    res.write('event: done\ndata: {}\n\n');
    res.end();
  };
}
