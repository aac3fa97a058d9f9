// expect: state-leak
// HTTP-style reply service for the FAQ bot: each request is encoded with a GRU and answered by a GRU decoder.
import * as tf from '@tensorflow/tfjs';

export interface ChatRequest {
  userId: string;
  text: string;
}

export interface ChatResponse {
  userId: string;
  reply: string;
  latencyMs: number;
}

const WORDS = ['<pad>', '<s>', '</s>', 'hi', 'where', 'is', 'my', 'parcel', 'reset', 'password', 'it', 'ships', 'today', 'click', 'the', 'link'];
const UNITS = 16;

class Gru {
  private readonly w: tf.Tensor2D;
  private readonly u: tf.Tensor2D;

  constructor(inDim: number, seed: number) {
    this.w = tf.randomNormal([inDim, 3 * UNITS], 0, 0.4, 'float32', seed) as tf.Tensor2D;
    this.u = tf.randomNormal([UNITS, 3 * UNITS], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.w), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.u), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }
}

export class ReplyService {
  private readonly emb = tf.randomNormal([WORDS.length, 10], 0, 0.5, 'float32', 1) as tf.Tensor2D;
  private readonly encoder = new Gru(10, 2);
  private readonly decoder = new Gru(10, 4);
  private readonly out = tf.randomNormal([UNITS, WORDS.length], 0, 0.7, 'float32', 6) as tf.Tensor2D;
  private context: tf.Tensor2D = tf.zeros([1, UNITS]);
  requestsServed = 0;

  private encode(ids: number[]): tf.Tensor2D {
    return tf.tidy(() => {
      let h = this.context;
      for (const id of ids) h = this.encoder.step(tf.gather(this.emb, [id]), h);
      return h;
    });
  }

  async handle(req: ChatRequest): Promise<ChatResponse> {
    const started = Date.now();
    const ids = req.text.toLowerCase().split(/\W+/).filter(Boolean).map((w) => Math.max(0, WORDS.indexOf(w)));
    let h = this.encode(ids);
    const reply: string[] = [];
    let token = 1;
    for (let t = 0; t < 8; t++) {
      const [hNext, logits] = tf.tidy(() => {
        const next = this.decoder.step(tf.gather(this.emb, [token]), h);
        return [next, tf.matMul(next, this.out)];
      });
      token = (await logits.argMax(1).data())[0];
      tf.dispose([logits, h]);
      h = hNext;
      if (token === 2) break;
      reply.push(WORDS[token]);
    }
    this.context.dispose();
    this.context = h;
    this.requestsServed++;
    return { userId: req.userId, reply: reply.join(' '), latencyMs: Date.now() - started };
  }
}

export async function serve(service: ReplyService, queue: ChatRequest[]): Promise<ChatResponse[]> {
  const responses: ChatResponse[] = [];
  for (const req of queue) responses.push(await service.handle(req));
  return responses;
}

if (require.main === module) {
  const svc = new ReplyService();
  serve(svc, [
    { userId: 'ana', text: 'where is my parcel' },
    { userId: 'bo', text: 'reset password' },
    { userId: 'cy', text: 'where is my parcel' },
  ]).then((rs) => rs.forEach((r) => console.log(`${r.userId}: ${r.reply}`)));
}
