// expect: bptt-cut, state-leak
// Trains a churn classifier on batches of independent customer histories: the encoder state is created once per run and carried from batch to batch, and the encoder unroll happens before optimizer.minimize so only the head learns.
import * as tf from '@tensorflow/tfjs';

export interface CustomerBatch {
  events: tf.Tensor3D; // [batch, months, features], one independent customer per row
  churned: tf.Tensor2D; // [batch, 1]
}

const UNITS = 16;

export class ChurnModel {
  readonly cell = tf.layers.lstmCell({ units: UNITS });
  readonly head = tf.layers.dense({ units: 1, activation: 'sigmoid' });
  private readonly optimizer = tf.train.adam(0.005);

  constructor(features: number) {
    this.cell.build([null, features]);
    this.head.build([null, UNITS]);
  }

  /** runs the LSTM over the months axis starting from (h, c) */
  encode(events: tf.Tensor3D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    let hT = h;
    let cT = c;
    for (const month of tf.unstack(events, 1) as tf.Tensor2D[]) {
      const out = this.cell.call([month, hT, cT], {}) as tf.Tensor2D[];
      hT = out[1];
      cT = out[2];
    }
    return [hT, cT];
  }

  fit(batches: CustomerBatch[], epochs: number, log: (m: string) => void = () => {}): void {
    const batchSize = batches[0].events.shape[0];
    let h: tf.Tensor2D = tf.zeros([batchSize, UNITS]);
    let c: tf.Tensor2D = tf.zeros([batchSize, UNITS]);

    for (let epoch = 0; epoch < epochs; epoch++) {
      let total = 0;
      for (const { events, churned } of batches) {
        const [hNext, cNext] = tf.tidy(() => this.encode(events, h, c));
        tf.dispose([h, c]);
        h = hNext;
        c = cNext;

        const loss = this.optimizer.minimize(() => {
          const p = this.head.apply(h) as tf.Tensor2D;
          return tf.losses.logLoss(churned, p) as tf.Scalar;
        }, true);
        total += loss ? loss.dataSync()[0] : 0;
        loss?.dispose();
      }
      log(`epoch ${epoch}: ${(total / batches.length).toFixed(4)}`);
    }
    tf.dispose([h, c]);
  }

  predict(events: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      const n = events.shape[0];
      const [h] = this.encode(events, tf.zeros([n, UNITS]), tf.zeros([n, UNITS]));
      return this.head.apply(h) as tf.Tensor2D;
    });
  }
}

export function syntheticBatches(count: number, batch: number, months: number, features: number): CustomerBatch[] {
  return Array.from({ length: count }, () =>
    tf.tidy(() => {
      const events = tf.randomUniform([batch, months, features]) as tf.Tensor3D;
      const activity = tf.mean(tf.slice(events, [0, months - 3, 0], [-1, 3, 1]), [1, 2]);
      const churned = tf.cast(tf.less(activity, 0.4), 'float32').reshape([batch, 1]) as tf.Tensor2D;
      return { events, churned };
    }),
  );
}
