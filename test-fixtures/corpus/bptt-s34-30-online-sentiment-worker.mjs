// expect: bptt-cut
// Online-learning worker: pulls labelled review batches from a queue and updates a GRU sentiment model in place.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 20000;
const EMB = 64;
const H = 96;
const MAXLEN = 80;

const init = tf.initializers.glorotUniform({ seed: 2 });
const w = {
  emb: tf.variable(tf.randomNormal([VOCAB, EMB], 0, 0.05), true, 'emb'),
  Wzr: tf.variable(init.apply([EMB, 2 * H]), true, 'Wzr'),
  Uzr: tf.variable(init.apply([H, 2 * H]), true, 'Uzr'),
  bzr: tf.variable(tf.zeros([2 * H]), true, 'bzr'),
  Wn: tf.variable(init.apply([EMB, H]), true, 'Wn'),
  Un: tf.variable(init.apply([H, H]), true, 'Un'),
  bn: tf.variable(tf.zeros([H]), true, 'bn'),
  Wout: tf.variable(init.apply([H, 1]), true, 'Wout'),
  bout: tf.variable(tf.zeros([1]), true, 'bout'),
};
const optimizer = tf.train.adam(3e-4);

const detach = tf.customGrad((x) => ({ value: x.clone(), gradFunc: (dy) => tf.zerosLike(dy) }));

function gruStep(x, h) {
  const [z, r] = tf.split(tf.sigmoid(x.matMul(w.Wzr).add(h.matMul(w.Uzr)).add(w.bzr)), 2, 1);
  const n = tf.tanh(x.matMul(w.Wn).add(r.mul(h).matMul(w.Un)).add(w.bn));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

function logitsOf(ids, lengths) {
  const [batch] = ids.shape;
  let h = tf.zeros([batch, H]);
  for (let t = 0; t < MAXLEN; t++) {
    const x = tf.gather(w.emb, ids.slice([0, t], [batch, 1]).reshape([batch]));
    const live = tf.less(tf.scalar(t), lengths).toFloat().reshape([batch, 1]);
    const hNew = gruStep(x, h);
    h = detach(live.mul(hNew).add(tf.sub(1, live).mul(h)));
  }
  return h.matMul(w.Wout).add(w.bout);
}

function toTensors(batch) {
  const ids = batch.map(({ tokens }) => {
    const row = tokens.slice(0, MAXLEN);
    while (row.length < MAXLEN) row.push(0);
    return row;
  });
  return {
    ids: tf.tensor2d(ids, [batch.length, MAXLEN], 'int32'),
    lengths: tf.tensor1d(batch.map(({ tokens }) => Math.min(tokens.length, MAXLEN))),
    labels: tf.tensor2d(batch.map(({ positive }) => [positive ? 1 : 0])),
  };
}

export function update(batch) {
  const { ids, lengths, labels } = toTensors(batch);
  const { value, grads } = tf.variableGrads(() =>
    tf.losses.sigmoidCrossEntropy(labels, logitsOf(ids, lengths)),
  );
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([ids, lengths, labels, value, grads]);
  return loss;
}

export async function runWorker(queue, { checkpointEvery = 500, saveCheckpoint } = {}) {
  let updates = 0;
  let ema = null;
  for await (const batch of queue.batches({ size: 32 })) {
    const loss = update(batch);
    ema = ema === null ? loss : 0.98 * ema + 0.02 * loss;
    updates++;
    if (updates % 50 === 0) {
      console.log(`[sentiment] update ${updates} loss(ema)=${ema.toFixed(4)} tensors=${tf.memory().numTensors}`);
    }
    if (saveCheckpoint && updates % checkpointEvery === 0) {
      const snapshot = Object.fromEntries(await Promise.all(Object.entries(w).map(async ([k, v]) => [k, await v.array()])));
      await saveCheckpoint(updates, snapshot);
    }
    await queue.ack(batch);
  }
  return updates;
}
