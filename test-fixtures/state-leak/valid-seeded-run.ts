// Contexts carried on purpose: one conversation per object, one state per user in a map, and a
// handler that starts every request from a fresh state.
import * as tf from '@tensorflow/tfjs';

export interface ChatRequest { userId: string; ids: number[] }

class Gru {
  constructor(private readonly u: tf.Tensor2D) {}
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.add(tf.matMul(h, this.u))) as tf.Tensor2D;
  }
}

const emb = tf.randomNormal([16, 8]) as tf.Tensor2D;

// One object per conversation: each reply continues the conversation.
export class Conversation {
  private readonly cell = new Gru(tf.randomNormal([8, 8]) as tf.Tensor2D);
  private context: tf.Tensor2D = tf.zeros([1, 8]);

  reply(ids: number[]): number {
    let h = this.context;
    for (const id of ids) h = this.cell.step(tf.gather(emb, [id]), h);
    this.context = h;
    return h.argMax(1).dataSync()[0]!;
  }
}

// One state per user.
export class PerUserService {
  private readonly cell = new Gru(tf.randomNormal([8, 8]) as tf.Tensor2D);
  private readonly contexts = new Map<string, tf.Tensor2D>();

  handle(req: ChatRequest): number {
    let h = this.contexts.get(req.userId) ?? tf.zeros([1, 8]) as tf.Tensor2D;
    for (const id of req.ids) h = this.cell.step(tf.gather(emb, [id]), h);
    this.contexts.set(req.userId, h);
    return h.argMax(1).dataSync()[0]!;
  }
}

// Every request starts from a fresh state; the last one is kept for a status page.
export class StatelessService {
  private readonly cell = new Gru(tf.randomNormal([8, 8]) as tf.Tensor2D);
  private last: tf.Tensor2D = tf.zeros([1, 8]);

  handle(req: ChatRequest): number {
    this.last = tf.zeros([1, 8]);
    let h = this.last;
    for (const id of req.ids) h = this.cell.step(tf.gather(emb, [id]), h);
    this.last = h;
    return h.argMax(1).dataSync()[0]!;
  }

  status(): number[] {
    return Array.from(this.last.dataSync());
  }
}
