// A reply service: each request is encoded from the service's context, and the final decoder
// state is stored back, so one user's request continues from another user's conversation.
import * as tf from '@tensorflow/tfjs';

export interface ChatRequest { userId: string; ids: number[] }

class Gru {
  constructor(private readonly u: tf.Tensor2D) {}
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.add(tf.matMul(h, this.u))) as tf.Tensor2D;
  }
}

export class ReplyService {
  private readonly emb = tf.randomNormal([16, 8]) as tf.Tensor2D;
  private readonly encoder = new Gru(tf.randomNormal([8, 8]) as tf.Tensor2D);
  private readonly decoder = new Gru(tf.randomNormal([8, 8]) as tf.Tensor2D);
  private context: tf.Tensor2D = tf.zeros([1, 8]);

  private encode(ids: number[]): tf.Tensor2D {
    let h = this.context;
//          ~~~~~~~~~~~~ state-leak
    for (const id of ids) h = this.encoder.step(tf.gather(this.emb, [id]), h);
    return h;
  }

  handle(req: ChatRequest): number[] {
    let h = this.encode(req.ids);
    const reply: number[] = [];
    for (let t = 0; t < 4; t++) {
      h = this.decoder.step(tf.gather(this.emb, [reply.length]), h);
      reply.push(h.argMax(1).dataSync()[0]!);
    }
    this.context = h;
    return reply;
  }
}
