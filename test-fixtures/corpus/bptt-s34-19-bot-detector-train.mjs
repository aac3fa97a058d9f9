// expect: bptt-cut
// Periodic retraining job for a bot-vs-human classifier over per-session request sequences pulled from the log store.
import * as tf from '@tensorflow/tfjs';

const FEATS = 10;
const HIDDEN = 40;
const MAX_STEPS = 30;

const glorot = tf.initializers.glorotUniform({ seed: 17 });
const cellVars = {
  Wx: tf.variable(glorot.apply([FEATS, HIDDEN]), true, 'cell/Wx'),
  Wh: tf.variable(tf.initializers.orthogonal({ gain: 1 }).apply([HIDDEN, HIDDEN]), true, 'cell/Wh'),
  b: tf.variable(tf.zeros([HIDDEN]), true, 'cell/b'),
};
const headVars = {
  W: tf.variable(glorot.apply([HIDDEN, 1]), true, 'head/W'),
  b: tf.variable(tf.zeros([1]), true, 'head/b'),
};
const optimizer = tf.train.adam(5e-4);

function requestFeatures(r) {
  return [
    Math.log1p(r.gapMs) / 10, r.method === 'GET' ? 1 : 0, r.status >= 400 ? 1 : 0,
    r.hasCookie ? 1 : 0, r.hasReferer ? 1 : 0, Math.log1p(r.bytes) / 15,
    r.path.split('/').length / 10, r.isAsset ? 1 : 0, r.jsExecuted ? 1 : 0, r.headless ? 1 : 0,
  ];
}

function toBatch(sessions) {
  const xs = [];
  const mask = [];
  for (const s of sessions) {
    const reqs = s.requests.slice(0, MAX_STEPS);
    const pad = MAX_STEPS - reqs.length;
    xs.push([...reqs.map(requestFeatures), ...Array.from({ length: pad }, () => new Array(FEATS).fill(0))]);
    mask.push([...reqs.map(() => 1), ...new Array(pad).fill(0)]);
  }
  return {
    xs: tf.tensor3d(xs, [sessions.length, MAX_STEPS, FEATS]),
    mask: tf.tensor2d(mask, [sessions.length, MAX_STEPS]),
    labels: tf.tensor2d(sessions.map((s) => [s.isBot ? 1 : 0])),
  };
}

function encode(xs, mask) {
  return tf.tidy(() => {
    const [n] = xs.shape;
    let h = tf.zeros([n, HIDDEN]);
    for (let t = 0; t < MAX_STEPS; t++) {
      const x = xs.slice([0, t, 0], [n, 1, FEATS]).reshape([n, FEATS]);
      const m = mask.slice([0, t], [n, 1]);
      const cand = tf.tanh(x.matMul(cellVars.Wx).add(h.matMul(cellVars.Wh)).add(cellVars.b));
      h = m.mul(cand).add(tf.sub(1, m).mul(h));
    }
    return h;
  });
}

function trainBatch(sessions) {
  const { xs, mask, labels } = toBatch(sessions);
  const finalH = encode(xs, mask);
  const { value, grads } = tf.variableGrads(() => {
    const logits = finalH.matMul(headVars.W).add(headVars.b);
    return tf.losses.sigmoidCrossEntropy(labels, logits);
  });
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([xs, mask, labels, finalH, value, grads]);
  return loss;
}

export async function retrain(logStore, { days = 3, batchSize = 64, epochs = 4 } = {}) {
  const sessions = await logStore.labelledSessions({ sinceDays: days });
  for (let epoch = 0; epoch < epochs; epoch++) {
    tf.util.shuffle(sessions);
    let sum = 0;
    let n = 0;
    for (let i = 0; i < sessions.length; i += batchSize) {
      sum += trainBatch(sessions.slice(i, i + batchSize));
      n++;
      if (n % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    console.log(`[retrain] epoch ${epoch + 1}/${epochs} mean loss ${(sum / Math.max(n, 1)).toFixed(4)}`);
  }
  const snapshot = {};
  for (const v of [...Object.values(cellVars), ...Object.values(headVars)]) snapshot[v.name] = await v.array();
  await logStore.saveModel('bot-detector', snapshot);
}

export function scheduleNightly(logStore) {
  const run = () => retrain(logStore).catch((e) => console.error('[retrain] failed', e));
  const msUntil2am = ((26 - new Date().getHours()) % 24) * 3600 * 1000;
  setTimeout(() => { run(); setInterval(run, 24 * 3600 * 1000); }, msUntil2am);
}
