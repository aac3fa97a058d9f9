// expect: stacked-activation
// Sequence classifier library: GRU encoder + dense head, with typed predict/predictProba helpers.
import * as tf from '@tensorflow/tfjs';

export interface ClassifierOptions {
  timesteps: number;
  features: number;
  labels: string[];
  /** GRU width. Default 24. */
  units?: number;
  /** Predictions below this confidence are reported as `unknownLabel`. Default 0.75. */
  minConfidence?: number;
  /** Default 'unknown'. */
  unknownLabel?: string;
}

export interface Prediction {
  label: string;
  confidence: number;
}

export class SequenceClassifier {
  readonly model: tf.Sequential;
  private readonly opts: Required<ClassifierOptions>;

  constructor(options: ClassifierOptions) {
    this.opts = {
      units: 24,
      minConfidence: 0.75,
      unknownLabel: 'unknown',
      ...options,
    };
    this.model = tf.sequential();
    this.model.add(tf.layers.gru({
      units: this.opts.units,
      inputShape: [this.opts.timesteps, this.opts.features],
    }));
    this.model.add(tf.layers.dense({ units: this.opts.labels.length, activation: 'softmax' }));
    this.model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  }

  /** Class scores for a batch, [batch, classes]. */
  scores(x: tf.Tensor3D): tf.Tensor2D {
    return this.model.predict(x) as tf.Tensor2D;
  }

  /** Normalised class probabilities, [batch, classes]. */
  predictProba(x: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => tf.softmax(this.scores(x)));
  }

  /** Best label per sequence, or `unknownLabel` when the model is not confident. */
  async predict(x: tf.Tensor3D): Promise<Prediction[]> {
    const probs = this.predictProba(x);
    const rows = (await probs.array()) as number[][];
    probs.dispose();
    return rows.map(row => {
      const best = row.indexOf(Math.max(...row));
      const confidence = row[best];
      return confidence >= this.opts.minConfidence
        ? { label: this.opts.labels[best], confidence }
        : { label: this.opts.unknownLabel, confidence };
    });
  }

  /** Trains on integer class ids. */
  async fit(x: tf.Tensor3D, classIds: number[], epochs = 10): Promise<tf.History> {
    const y = tf.oneHot(tf.tensor1d(classIds, 'int32'), this.opts.labels.length);
    try {
      return await this.model.fit(x, y, { epochs, batchSize: 16, verbose: 0 });
    } finally {
      y.dispose();
    }
  }
}
