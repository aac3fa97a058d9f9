// expect: bptt-cut
// Toy review sentiment: embedding + RNN encoder + logistic head, trained on shuffled batches with per-epoch metrics.
import * as tf from '@tensorflow/tfjs';

const VOCAB = ['<pad>', 'the', 'food', 'service', 'was', 'good', 'bad', 'not', 'very', 'great', 'awful'];
const EMB = 8;
const UNITS = 16;
const MAX_LEN = 6;

export class Encoder {
  readonly embedding = tf.variable(tf.randomNormal([VOCAB.length, EMB], 0, 0.3), true, 'embedding');
  readonly wx = tf.variable(tf.randomNormal([EMB, UNITS], 0, 0.3), true, 'enc_wx');
  readonly wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2), true, 'enc_wh');
  readonly b = tf.variable(tf.zeros([UNITS]), true, 'enc_b');

  encode(ids: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const [batch, len] = ids.shape;
      const emb = tf.gather(this.embedding, ids.toInt()); // [batch, len, EMB]
      let h: tf.Tensor2D = tf.zeros([batch, UNITS]);
      for (let t = 0; t < len; t++) {
        const xt = emb.slice([0, t, 0], [batch, 1, EMB]).reshape([batch, EMB]);
        h = tf.tanh(xt.matMul(this.wx).add(h.matMul(this.wh)).add(this.b)) as tf.Tensor2D;
      }
      return h;
    });
  }
}

const head = {
  w: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3), true, 'head_w'),
  b: tf.variable(tf.zeros([1]), true, 'head_b'),
};

function makeReview(): { ids: number[]; label: number[] } {
  const subject = Math.random() < 0.5 ? 'food' : 'service';
  const positive = Math.random() < 0.5;
  const negated = Math.random() < 0.5;
  const adj = positive ? (Math.random() < 0.5 ? 'good' : 'great') : Math.random() < 0.5 ? 'bad' : 'awful';
  const words = ['the', subject, 'was', ...(negated ? ['not'] : ['very']), adj];
  const ids = words.map((w) => VOCAB.indexOf(w));
  while (ids.length < MAX_LEN) ids.unshift(0);
  return { ids, label: [positive !== negated ? 1 : 0] };
}

export async function train(encoder: Encoder, epochs: number): Promise<void> {
  const optimizer = tf.train.adam(0.02);
  const trainSet = Array.from({ length: 400 }, makeReview);
  const valSet = Array.from({ length: 100 }, makeReview);
  const ds = tf.data.array(trainSet).shuffle(400).batch(25);
  const valX = tf.tensor2d(valSet.map((r) => r.ids));
  const valY = tf.tensor2d(valSet.map((r) => r.label));

  for (let epoch = 0; epoch < epochs; epoch++) {
    const batchLosses: number[] = [];
    await ds.forEachAsync((batch) => {
      const { ids, label } = batch as { ids: tf.Tensor2D; label: tf.Tensor2D };
      const features = encoder.encode(ids);
      const loss = optimizer.minimize(
        () => tf.losses.sigmoidCrossEntropy(label, features.matMul(head.w).add(head.b)) as tf.Scalar,
        true,
      );
      batchLosses.push(loss!.dataSync()[0]);
      tf.dispose([loss!, features, ids, label]);
    });
    const valAcc = tf.tidy(() => {
      const logits = encoder.encode(valX).matMul(head.w).add(head.b);
      return tf.metrics.binaryAccuracy(valY, tf.sigmoid(logits)).mean().dataSync()[0];
    });
    const mean = batchLosses.reduce((a, b) => a + b) / batchLosses.length;
    console.log(`epoch ${epoch + 1}: loss=${mean.toFixed(4)} val_acc=${valAcc.toFixed(3)}`);
  }
  tf.dispose([valX, valY]);
}

if (require.main === module) {
  const encoder = new Encoder();
  train(encoder, 10).then(() => console.log('done, tensors:', tf.memory().numTensors));
}
