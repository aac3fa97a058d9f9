// expect: bptt-cut
// Fine-tunes the FAQ-bot intent model (embedding + Elman RNN + softmax head) on labelled chat utterances.
import * as tf from '@tensorflow/tfjs';

export interface IntentModel {
  emb: tf.Variable;
  wx: tf.Variable;
  wh: tf.Variable;
  bh: tf.Variable;
  wo: tf.Variable;
  bo: tf.Variable;
}

export interface Example {
  ids: number[];
  intent: number;
}

export function createModel(vocab: number, embDim: number, units: number, intents: number): IntentModel {
  const v = (t: tf.Tensor) => tf.variable(t);
  return {
    emb: v(tf.randomNormal([vocab, embDim], 0, 0.3, 'float32', 1)),
    wx: v(tf.randomNormal([embDim, units], 0, 0.3, 'float32', 2)),
    wh: v(tf.randomNormal([units, units], 0, 0.3, 'float32', 3)),
    bh: v(tf.zeros([units])),
    wo: v(tf.randomNormal([units, intents], 0, 0.3, 'float32', 4)),
    bo: v(tf.zeros([intents])),
  };
}

/** Runs the RNN over padded ids [batch, T] and returns the final hidden state. */
export function encode(m: IntentModel, ids: tf.Tensor2D): tf.Tensor2D {
  const [batch, T] = ids.shape;
  const units = m.wh.shape[0];
  const embedded = tf.gather(m.emb, ids) as tf.Tensor3D; // [batch, T, E]
  let h: tf.Tensor2D = tf.zeros([batch, units]);
  for (let t = 0; t < T; t++) {
    const xt = embedded.slice([0, t, 0], [batch, 1, -1]).squeeze([1]) as tf.Tensor2D;
    h = tf.tanh(tf.matMul(xt, m.wx).add(tf.matMul(h, m.wh)).add(m.bh));
  }
  return h;
}

export function logits(m: IntentModel, h: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(h, m.wo).add(m.bo) as tf.Tensor2D;
}

function batches<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export async function fit(m: IntentModel, data: Example[], numIntents: number, epochs = 10, batchSize = 8): Promise<number[]> {
  const optimizer = tf.train.adam(0.01);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let epochLoss = 0;
    for (const chunk of batches(data, batchSize)) {
      const ids = tf.tensor2d(chunk.map((c) => c.ids), undefined, 'int32');
      const labels = tf.oneHot(tf.tensor1d(chunk.map((c) => c.intent), 'int32'), numIntents);
      const hidden = encode(m, ids);
      const cost = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(labels, logits(m, hidden)) as tf.Scalar,
        true,
      );
      epochLoss += (await cost!.data())[0] * chunk.length;
      tf.dispose([ids, labels, hidden, cost!]);
    }
    losses.push(epochLoss / data.length);
  }
  return losses;
}

if (require.main === module) {
  const T = 6;
  const data: Example[] = Array.from({ length: 32 }, (_, i) => {
    const intent = i % 4;
    const ids = Array.from({ length: T }, (_, t) => (t === i % T ? 10 + intent : 1 + ((i + t) % 9)));
    return { ids, intent };
  });
  const m = createModel(20, 8, 16, 4);
  fit(m, data, 4, 15).then((l) => console.log('loss per epoch:', l.map((v) => v.toFixed(3)).join(' ')));
}
