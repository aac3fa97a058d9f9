// expect: tidy-disposed-state
// Multi-session streaming GRU service; each session's new state is stored in the Map from inside tf.tidy while only the logits are returned, so the stored state is disposed before the next push().
import * as tf from '@tensorflow/tfjs';

export class StreamingIntentService {
  private readonly sessions = new Map<string, tf.Tensor2D>();
  private readonly cell: tf.layers.RNNCell;
  private readonly classifier: tf.layers.Layer;

  constructor(
    private readonly featureDim: number,
    private readonly units = 32,
    numIntents = 5,
  ) {
    this.cell = tf.layers.gruCell({ units, recurrentInitializer: 'glorotUniform' });
    this.cell.build([null, featureDim]);
    this.classifier = tf.layers.dense({ units: numIntents, inputShape: [units] });
  }

  open(sessionId: string): void {
    this.close(sessionId);
    this.sessions.set(sessionId, tf.zeros([1, this.units]));
  }

  close(sessionId: string): void {
    const prev = this.sessions.get(sessionId);
    if (prev) prev.dispose();
    this.sessions.delete(sessionId);
  }

  /** Feeds one utterance-feature frame and returns the current intent distribution. */
  push(sessionId: string, frame: number[]): number[] {
    if (frame.length !== this.featureDim) throw new Error(`expected ${this.featureDim} features`);
    const state = this.sessions.get(sessionId);
    if (!state) throw new Error(`unknown session ${sessionId}`);

    const probs = tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const [, next] = this.cell.call([x, state], {}) as tf.Tensor2D[];
      state.dispose();
      this.sessions.set(sessionId, next);
      return tf.softmax(this.classifier.apply(next) as tf.Tensor2D);
    });
    const out = Array.from(probs.dataSync());
    probs.dispose();
    return out;
  }

  activeSessions(): string[] {
    return [...this.sessions.keys()];
  }
}

export function simulate(frames = 4): Record<string, number[]> {
  const svc = new StreamingIntentService(6);
  const result: Record<string, number[]> = {};
  for (const id of ['a', 'b']) svc.open(id);
  for (let t = 0; t < frames; t++) {
    for (const id of svc.activeSessions()) {
      const frame = Array.from({ length: 6 }, () => Math.random());
      result[id] = svc.push(id, frame);
    }
  }
  for (const id of svc.activeSessions()) svc.close(id);
  return result;
}
