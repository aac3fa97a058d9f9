// expect: none
// Predicts patient readmission from variable-length visit histories with a padded, masked LSTM trained batch by batch.
import * as tf from '@tensorflow/tfjs';

export interface Visit { codes: number[]; daysSinceLast: number }
export interface Patient { visits: Visit[]; readmitted: 0 | 1 }

const NUM_CODES = 512;
const UNITS = 32;
const MAX_VISITS = 40;

const params = {
  W: tf.variable(tf.randomNormal([NUM_CODES + 1 + UNITS, 4 * UNITS], 0, 0.05), true, 'lstm_W'),
  b: tf.variable(tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]), true, 'lstm_b'),
  Wo: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05), true, 'out_W'),
  bo: tf.variable(tf.zeros([1]), true, 'out_b'),
};

function visitVector(v: Visit | undefined): number[] {
  const vec = new Array(NUM_CODES + 1).fill(0);
  if (!v) return vec;
  for (const code of v.codes) vec[code % NUM_CODES] = 1;
  vec[NUM_CODES] = Math.log1p(v.daysSinceLast) / 5;
  return vec;
}

/** Time-major inputs and a [T, B, 1] mask; padded steps have mask 0. */
function batchToTensors(batch: Patient[]) {
  const T = Math.min(MAX_VISITS, Math.max(...batch.map((p) => p.visits.length)));
  const xs: tf.Tensor2D[] = [];
  const masks: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    xs.push(tf.tensor2d(batch.map((p) => visitVector(p.visits[t]))));
    masks.push(tf.tensor2d(batch.map((p) => [t < p.visits.length ? 1 : 0])));
  }
  const y = tf.tensor2d(batch.map((p) => [p.readmitted]));
  return { xs, masks, y };
}

function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.add(tf.matMul(tf.concat([x, h], 1), params.W), params.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const cNew = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
  const hNew = tf.mul(tf.sigmoid(zo), tf.tanh(cNew));
  return [hNew as tf.Tensor2D, cNew as tf.Tensor2D];
}

function encode(xs: tf.Tensor2D[], masks: tf.Tensor2D[]): tf.Tensor2D {
  const B = xs[0].shape[0];
  let h = tf.zeros([B, UNITS]) as tf.Tensor2D;
  let c = tf.zeros([B, UNITS]) as tf.Tensor2D;
  for (let t = 0; t < xs.length; t++) {
    const [hCand, cCand] = lstmStep(xs[t], h, c);
    const m = masks[t];
    const keep = tf.sub(1, m);
    // padded positions carry the previous state through unchanged
    h = tf.add(tf.mul(m, hCand), tf.mul(keep, h)) as tf.Tensor2D;
    c = tf.add(tf.mul(m, cCand), tf.mul(keep, c)) as tf.Tensor2D;
  }
  return h;
}

const optimizer = tf.train.adam(1e-3);

export function trainEpoch(patients: Patient[], batchSize = 64): number {
  let total = 0;
  let batches = 0;
  for (let i = 0; i < patients.length; i += batchSize) {
    const batch = patients.slice(i, i + batchSize);
    const { xs, masks, y } = batchToTensors(batch);
    const loss = optimizer.minimize(() => {
      const h = encode(xs, masks);
      const logits = tf.add(tf.matMul(h, params.Wo), params.bo);
      return tf.losses.sigmoidCrossEntropy(y, logits) as tf.Scalar;
    }, true);
    total += loss ? loss.dataSync()[0] : 0;
    batches++;
    tf.dispose([...xs, ...masks, y, loss ?? []]);
  }
  return total / Math.max(batches, 1);
}

export function riskScores(patients: Patient[]): number[] {
  return tf.tidy(() => {
    const { xs, masks } = batchToTensors(patients);
    const logits = tf.add(tf.matMul(encode(xs, masks), params.Wo), params.bo);
    return Array.from(tf.sigmoid(logits).dataSync());
  });
}
