// expect: unused-hidden-state
// Node Transform stream that turns parsed access-log lines into running anomaly scores with a small RNN.
import * as tf from '@tensorflow/tfjs';
import { Readable, Transform, TransformCallback } from 'stream';

export interface LogRecord {
  status: number;
  latencyMs: number;
  bytes: number;
}

const INPUT = 3;
const UNITS = 10;

export class RecurrentScorer {
  private readonly wx = tf.randomNormal([INPUT, UNITS], 0, 0.5, 'float32', 21) as tf.Tensor2D;
  private readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 22) as tf.Tensor2D;
  private readonly b = tf.zeros([UNITS]) as tf.Tensor1D;
  private readonly wOut = tf.randomNormal([UNITS, 1], 0, 0.8, 'float32', 23) as tf.Tensor2D;

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let pre = x.matMul(this.wx) as tf.Tensor2D;
      pre.add(h.matMul(this.wh));
      pre = pre.add(this.b);
      return tf.tanh(pre);
    });
  }

  score(h: tf.Tensor2D): number {
    return tf.tidy(() => tf.sigmoid(h.matMul(this.wOut)).dataSync()[0]);
  }
}

export function featurize(rec: LogRecord): number[] {
  return [rec.status >= 500 ? 1 : rec.status >= 400 ? 0.5 : 0, Math.log1p(rec.latencyMs) / 8, Math.log1p(rec.bytes) / 12];
}

export class AnomalyStream extends Transform {
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);
  private seen = 0;

  constructor(private readonly scorer: RecurrentScorer) {
    super({ objectMode: true });
  }

  override _transform(rec: LogRecord, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const x = tf.tensor2d([featurize(rec)]);
      const next = this.scorer.step(x, this.h);
      x.dispose();
      this.h.dispose();
      this.h = next;
      this.seen += 1;
      done(null, { n: this.seen, status: rec.status, score: this.scorer.score(this.h) });
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    this.h.dispose();
    done();
  }
}

function parseLine(line: string): LogRecord {
  const [status, latency, bytes] = line.trim().split(/\s+/).map(Number);
  return { status, latencyMs: latency, bytes };
}

async function main(): Promise<void> {
  const sample = ['200 35 5120', '200 41 4800', '500 900 120', '500 1200 90', '503 1500 80', '200 38 5000'];
  const source = Readable.from(sample.map(parseLine));
  const scored = source.pipe(new AnomalyStream(new RecurrentScorer()));
  for await (const row of scored) {
    const { n, status, score } = row as { n: number; status: number; score: number };
    console.log(`#${n} status=${status} score=${score.toFixed(4)}${score > 0.8 ? '  <-- alert' : ''}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
