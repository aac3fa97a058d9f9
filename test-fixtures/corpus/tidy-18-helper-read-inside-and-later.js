// expect: tidy-disposed-state
// fit() runs inside load()'s tidy and replaces this.centroids there, so the last centroids are
// disposed when the tidy returns; classify() later reads them through the same helper that fit()
// used (the exact shape of a real bug in ml5 KMeans: classify() after load() throws).
import * as tf from '@tensorflow/tfjs';

export class TinyKMeans {
  constructor(k) {
    this.k = k;
  }

  load(rows) {
    this.rows = rows;
    tf.tidy(() => {
      this.centroids = tf.tensor2d(rows.slice(0, this.k));
      this.fit();
    });
  }

  fit() {
    for (let it = 0; it < 5; it++) {
      const groups = this.rows.map((r) => this.closest(tf.tensor1d(r)));
      const next = tf.tidy(() => tf.stack(this.centroids.unstack().map((c, j) => {
        const members = this.rows.filter((_, i) => groups[i] === j);
        return members.length ? tf.tensor2d(members).mean(0) : c;
      })));
      this.centroids = next;
    }
  }

  closest(v) {
    return tf.tidy(() => this.centroids.squaredDifference(v).sum(1).argMin().dataSync()[0]);
  }

  classify(row) {
    return this.closest(tf.tensor1d(row));
  }
}
