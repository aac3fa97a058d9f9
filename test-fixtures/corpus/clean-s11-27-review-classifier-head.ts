// expect: none
// Review-star classifier: the base class owns the tanh RNN and linear head, PooledReviewClassifier mixes in mean pooling.
import * as tf from '@tensorflow/tfjs';

export class ReviewClassifier {
  protected readonly embed: tf.Variable;
  protected readonly Wx: tf.Variable;
  protected readonly Wh: tf.Variable;
  protected readonly Wout: tf.Variable;
  protected readonly bout: tf.Variable;
  private readonly optimizer = tf.train.adam(0.05);

  constructor(readonly vocab: number, readonly units: number, readonly classes: number) {
    this.embed = tf.variable(tf.randomNormal([vocab, units], 0, 0.4, 'float32', 20));
    this.Wx = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 21));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 22));
    this.Wout = tf.variable(tf.randomNormal([units, classes], 0, 0.3, 'float32', 23));
    this.bout = tf.variable(tf.zeros([classes]));
  }

  protected states(ids: tf.Tensor2D): tf.Tensor2D[] {
    const [batch, time] = ids.shape;
    let h: tf.Tensor2D = tf.zeros([batch, this.units]);
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < time; t++) {
      const col = ids.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D;
      const x = tf.gather(this.embed, col.toInt()) as tf.Tensor2D;
      h = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
      hs.push(h);
    }
    return hs;
  }

  protected summary(ids: tf.Tensor2D): tf.Tensor2D {
    const hs = this.states(ids);
    return hs[hs.length - 1];
  }

  logits(ids: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(this.summary(ids), this.Wout), this.bout);
  }

  predictProba(ids: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.softmax(this.logits(ids)));
  }

  fitBatch(ids: tf.Tensor2D, stars: number[]): number {
    const onehot = tf.oneHot(stars, this.classes);
    const loss = this.optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(onehot, this.logits(ids)) as tf.Scalar,
      true,
    );
    const v = loss!.dataSync()[0];
    tf.dispose([loss!, onehot]);
    return v;
  }
}

export class PooledReviewClassifier extends ReviewClassifier {
  protected override summary(ids: tf.Tensor2D): tf.Tensor2D {
    const hs = this.states(ids);
    const last = hs[hs.length - 1];
    const mean = tf.mean(tf.stack(hs, 1), 1) as tf.Tensor2D;
    return tf.mul(tf.add(last, mean), 0.5);
  }
}

if (require.main === module) {
  const clf = new PooledReviewClassifier(30, 8, 5);
  const ids = tf.tensor2d([[1, 5, 7, 2], [3, 3, 9, 0], [11, 12, 4, 4]]);
  const stars = [4, 0, 2];
  let loss = 0;
  for (let i = 0; i < 40; i++) loss = clf.fitBatch(ids, stars);
  console.log('loss', loss.toFixed(4));
  clf.predictProba(ids).argMax(-1).print();
}
