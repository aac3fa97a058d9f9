// expect: state-leak
// Chunked scoring of long, independent recordings with a stateful LSTM built from an options object.
import * as tf from '@tensorflow/tfjs';

export interface ChunkedModelOptions {
  features: number;
  /** LSTM width. Default 16. */
  units?: number;
  /** Timesteps per chunk fed to the model. Default 8. */
  chunk?: number;
  /** Number of output classes. Default 3. */
  classes?: number;
}

export interface ScoredRecording {
  id: string;
  probabilities: number[];
}

/**
 * Stateful model: the LSTM state survives across predict() calls, which lets us
 * stream a long recording through it chunk by chunk with batch size 1.
 */
export function buildChunkedModel(options: ChunkedModelOptions): { model: tf.Sequential; chunk: number } {
  const units = options.units ?? 16;
  const chunk = options.chunk ?? 8;
  const classes = options.classes ?? 3;
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units,
    stateful: true,
    batchInputShape: [1, chunk, options.features],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }),
    recurrentInitializer: tf.initializers.glorotNormal({ seed: 2 }),
  }));
  model.add(tf.layers.dense({
    units: classes,
    activation: 'softmax',
    kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }),
  }));
  return { model, chunk };
}

export class RecordingScorer {
  constructor(private readonly model: tf.LayersModel, private readonly chunk: number) {}

  /** Scores a single recording ([time][features]); trailing partial chunks are dropped. */
  private async scoreOne(frames: number[][]): Promise<number[]> {
    let last: tf.Tensor | null = null;
    for (let start = 0; start + this.chunk <= frames.length; start += this.chunk) {
      const window = tf.tensor3d([frames.slice(start, start + this.chunk)]);
      last?.dispose();
      last = this.model.predict(window) as tf.Tensor;
      window.dispose();
    }
    if (!last) {
      throw new Error(`recording shorter than one chunk (${this.chunk} frames)`);
    }
    const probs = Array.from(await last.data());
    last.dispose();
    return probs;
  }

  /** Scores each recording; results come back in map order. */
  async scoreAll(recordings: Map<string, number[][]>): Promise<ScoredRecording[]> {
    const results: ScoredRecording[] = [];
    for (const [id, frames] of recordings) {
      results.push({ id, probabilities: await this.scoreOne(frames) });
    }
    return results;
  }
}
