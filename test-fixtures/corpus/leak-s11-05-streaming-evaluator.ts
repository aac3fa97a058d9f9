// expect: state-leak
// Scores recorded call transcripts one frame at a time with a stateful LSTM, the way the live scorer sees them.
import * as tf from '@tensorflow/tfjs';

export interface Transcript {
  id: string;
  frames: number[][]; // [time][features]
}

export abstract class SequenceEvaluator {
  readonly scores = new Map<string, number>();

  protected beforeSequence(_seq: Transcript): void {}
  protected afterSequence(_seq: Transcript, _score: number): void {}
  protected abstract scoreFrame(frame: number[]): number;

  evaluate(transcripts: Transcript[]): Map<string, number> {
    for (const seq of transcripts) {
      this.beforeSequence(seq);
      let last = 0;
      for (const frame of seq.frames) {
        last = this.scoreFrame(frame);
      }
      this.scores.set(seq.id, last);
      this.afterSequence(seq, last);
    }
    return this.scores;
  }
}

export function buildStreamingModel(features: number, units: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units,
      stateful: true,
      returnSequences: false,
      batchInputShape: [1, 1, features],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 6 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }));
  return model;
}

export class StatefulLstmEvaluator extends SequenceEvaluator {
  private framesInSeq = 0;
  readonly lengths: number[] = [];

  constructor(private readonly model: tf.LayersModel, private readonly features: number) {
    super();
  }

  protected override beforeSequence(_seq: Transcript): void {
    this.framesInSeq = 0;
  }

  protected override afterSequence(_seq: Transcript, _score: number): void {
    this.lengths.push(this.framesInSeq);
  }

  protected override scoreFrame(frame: number[]): number {
    this.framesInSeq++;
    return tf.tidy(() => {
      const x = tf.tensor3d([[frame]], [1, 1, this.features]);
      const y = this.model.predict(x) as tf.Tensor;
      return y.dataSync()[0];
    });
  }
}

if (require.main === module) {
  const model = buildStreamingModel(2, 8);
  const ev = new StatefulLstmEvaluator(model, 2);
  const same: number[][] = [[0.5, -0.2], [0.1, 0.9], [0.4, 0.4]];
  const out = ev.evaluate([
    { id: 'a', frames: [[3, 3], [2, -1], [1, 2]] },
    { id: 'b', frames: same },
    { id: 'c', frames: same },
  ]);
  console.log(Object.fromEntries(out));
}
