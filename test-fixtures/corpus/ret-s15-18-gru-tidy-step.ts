// expect: returns-input-state
// Worker pool that tags chat transcripts: each worker owns a GRU tagger and handles one transcript at a time.
import * as tf from '@tensorflow/tfjs';

const DIM = 8;
const UNITS = 10;
const TAGS = ['neutral', 'question', 'complaint'];

class GruTagger {
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly wOut: tf.Tensor2D;

  constructor(seed: number) {
    this.wx = tf.randomNormal([DIM, 3 * UNITS], 0, 0.4, 'float32', seed) as tf.Tensor2D;
    this.wh = tf.randomNormal([UNITS, 3 * UNITS], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
    this.wOut = tf.randomNormal([UNITS, TAGS.length], 0, 0.6, 'float32', seed + 2) as tf.Tensor2D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy(() => {
      const gx = tf.split(x.matMul(this.wx), 3, 1) as tf.Tensor2D[];
      const gh = tf.split(h.matMul(this.wh), 3, 1) as tf.Tensor2D[];
      const z = tf.sigmoid(gx[0].add(gh[0]));
      const r = tf.sigmoid(gx[1].add(gh[1]));
      const candidate = tf.tanh(gx[2].add(r.mul(gh[2])));
      const updated = z.mul(h).add(tf.onesLike(z).sub(z).mul(candidate));
      const logits = updated.matMul(this.wOut) as tf.Tensor2D;
      return [logits, h];
    });
  }

  tag(utterances: number[][]): string[] {
    let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
    const tags: string[] = [];
    for (const vec of utterances) {
      const x = tf.tensor2d([vec]);
      const [logits, hNext] = this.step(x, h);
      tags.push(TAGS[logits.argMax(1).dataSync()[0]]);
      h = hNext;
      tf.dispose([x, logits]);
    }
    h.dispose();
    return tags;
  }
}

type Job = { id: string; utterances: number[][] };
type Result = { id: string; tags: string[]; worker: number };

class WorkerPool {
  private readonly idle: number[] = [];
  private readonly waiting: Array<(w: number) => void> = [];

  constructor(private readonly workers: GruTagger[]) {
    workers.forEach((_, i) => this.idle.push(i));
  }

  private acquire(): Promise<number> {
    const free = this.idle.pop();
    if (free !== undefined) return Promise.resolve(free);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: number): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async run(job: Job): Promise<Result> {
    const w = await this.acquire();
    try {
      await new Promise((r) => setImmediate(r));
      return { id: job.id, tags: this.workers[w].tag(job.utterances), worker: w };
    } finally {
      this.release(w);
    }
  }
}

function fakeEmbedding(text: string): number[] {
  return Array.from({ length: DIM }, (_, i) => Math.sin(text.length * (i + 1) + text.charCodeAt(i % text.length)));
}

if (require.main === module) {
  const pool = new WorkerPool([new GruTagger(201), new GruTagger(201)]);
  const transcripts = [
    ['hello', 'my order is late again', 'this is the third time', 'can you refund me?'],
    ['hi', 'what are your opening hours?'],
    ['the app crashes', 'every time I log in', 'fix it please'],
  ];
  Promise.all(transcripts.map((t, i) => pool.run({ id: `chat-${i}`, utterances: t.map(fakeEmbedding) }))).then((results) => {
    for (const r of results) console.log(`${r.id} [w${r.worker}] ${r.tags.join(' > ')}`);
  });
}

export { GruTagger };
