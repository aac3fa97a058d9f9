// expect: returns-input-state
// GRU with zoneout on the hidden state (Krueger et al., 2017) for frame-wise phone classification of MFCC sequences.
import * as tf from '@tensorflow/tfjs';

const MFCC = 13;
const UNITS = 96;
const PHONES = 40;

export class ZoneoutGRU {
  constructor(inputDim, units, zoneout = 0.1) {
    this.units = units;
    this.zoneout = zoneout;
    this.W = tf.variable(tf.randomNormal([inputDim, 3 * units], 0, 1 / Math.sqrt(inputDim)));
    this.U = tf.variable(tf.randomNormal([units, 3 * units], 0, 1 / Math.sqrt(units)));
    this.b = tf.variable(tf.zeros([3 * units]));
  }

  // cuDNN-style GRU: the reset gate scales the recurrent projection of the candidate
  step(x, h, training) {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, this.W), this.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.U), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    const hGru = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));

    let hZoned;
    if (training) {
      const keep = tf.cast(tf.less(tf.randomUniform(h.shape), this.zoneout), 'float32');
      hZoned = tf.add(tf.mul(keep, h), tf.mul(tf.sub(1, keep), hGru));
    } else {
      hZoned = tf.add(tf.mul(this.zoneout, h), tf.mul(1 - this.zoneout, hGru));
    }
    return { output: hGru, state: h };
  }
}

const gru = new ZoneoutGRU(MFCC, UNITS, 0.15);
const Wo = tf.variable(tf.randomNormal([UNITS, PHONES], 0, 0.05));
const bo = tf.variable(tf.zeros([PHONES]));

// Returns per-frame logits [B, T, PHONES]
function frameLogits(feats, training) {
  const [B, T] = feats.shape;
  let h = tf.zeros([B, UNITS]);
  let output;
  const logits = [];
  for (let t = 0; t < T; t++) {
    const xt = tf.reshape(tf.slice(feats, [0, t, 0], [B, 1, MFCC]), [B, MFCC]);
    ({ output, state: h } = gru.step(xt, h, training));
    logits.push(tf.add(tf.matMul(output, Wo), bo));
  }
  return tf.stack(logits, 1);
}

function frameLoss(feats, labels) {
  const [B, T] = feats.shape;
  const logits = tf.reshape(frameLogits(feats, true), [B * T, PHONES]);
  const onehot = tf.oneHot(tf.reshape(labels, [B * T]), PHONES);
  return tf.losses.softmaxCrossEntropy(onehot, logits);
}

// Toy utterances: each phone is a constant MFCC template held for 5-15 frames, plus noise.
const templates = Array.from({ length: PHONES }, () => Array.from({ length: MFCC }, () => Math.random() * 2 - 1));
function utteranceBatch(B, T) {
  const fb = tf.buffer([B, T, MFCC]);
  const lb = tf.buffer([B, T], 'int32');
  for (let b = 0; b < B; b++) {
    let t = 0;
    while (t < T) {
      const phone = Math.floor(Math.random() * PHONES);
      const dur = 5 + Math.floor(Math.random() * 11);
      for (let k = 0; k < dur && t < T; k++, t++) {
        lb.set(phone, b, t);
        for (let m = 0; m < MFCC; m++) fb.set(templates[phone][m] + 0.3 * (Math.random() - 0.5), b, t, m);
      }
    }
  }
  return { feats: fb.toTensor(), labels: lb.toTensor() };
}

const optimizer = tf.train.adam(1e-3);
for (let it = 1; it <= 400; it++) {
  const { feats, labels } = utteranceBatch(16, 60);
  const loss = optimizer.minimize(() => frameLoss(feats, labels), true);
  if (it % 50 === 0) {
    const acc = tf.tidy(() => {
      const pred = tf.argMax(frameLogits(feats, false), 2);
      return tf.mean(tf.cast(tf.equal(pred, labels), 'float32'));
    });
    console.log(`it ${it}  loss ${(await loss.data())[0].toFixed(3)}  frame acc ${(await acc.data())[0].toFixed(3)}`);
    acc.dispose();
  }
  tf.dispose([feats, labels, loss]);
}
