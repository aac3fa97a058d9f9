// expect: tidy-disposed-state
// Queue worker that scores keystroke-timing events per login session with a small RNN and flags likely impostors.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'events';

interface KeystrokeJob {
  sessionId: string;
  dwellMs: number;
  flightMs: number;
  key: string;
  done?: boolean;
}

interface RnnWeights {
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  b: tf.Tensor1D;
  wOut: tf.Tensor2D;
  bOut: tf.Scalar;
}

const HIDDEN = 16;

export class KeystrokeScorer extends EventEmitter {
  private readonly states = new Map<string, tf.Tensor2D>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly w: RnnWeights, private readonly threshold = 0.7) {
    super();
  }

  private features(job: KeystrokeJob): number[] {
    const isSpecial = job.key.length > 1 ? 1 : 0;
    return [job.dwellMs / 250, job.flightMs / 400, Math.log1p(job.flightMs) / 7, isSpecial];
  }

  async process(job: KeystrokeJob): Promise<void> {
    if (job.done) {
      this.states.get(job.sessionId)?.dispose();
      this.states.delete(job.sessionId);
      this.counts.delete(job.sessionId);
      return;
    }
    const prev = this.states.get(job.sessionId) ?? (tf.zeros([1, HIDDEN]) as tf.Tensor2D);
    const risk = tf.tidy(() => {
      const x = tf.tensor2d([this.features(job)]);
      const h = tf.tanh(x.matMul(this.w.wx).add(prev.matMul(this.w.wh)).add(this.w.b)) as tf.Tensor2D;
      this.states.set(job.sessionId, h);
      return tf.sigmoid(h.matMul(this.w.wOut).add(this.w.bOut)).squeeze();
    });
    prev.dispose();

    const n = (this.counts.get(job.sessionId) ?? 0) + 1;
    this.counts.set(job.sessionId, n);
    const value = (await risk.data())[0];
    risk.dispose();
    if (n >= 20 && value > this.threshold) {
      this.emit('impostor', { sessionId: job.sessionId, risk: value, keystrokes: n });
    }
  }
}

export async function runWorker(
  queue: AsyncIterable<KeystrokeJob>,
  scorer: KeystrokeScorer,
): Promise<number> {
  let handled = 0;
  scorer.on('impostor', (evt) => {
    console.warn(`[auth] session ${evt.sessionId} risk=${evt.risk.toFixed(2)} after ${evt.keystrokes} keys`);
  });
  for await (const job of queue) {
    try {
      await scorer.process(job);
      handled++;
    } catch (err) {
      console.error(`[auth] failed job for ${job.sessionId}`, err);
    }
  }
  return handled;
}
