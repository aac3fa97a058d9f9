// expect: bptt-cut
// MIDI next-note GRU trained with tf.variableGrads; inside the loss closure the unroll clamps the hidden state by reading it with dataSync() and rebuilding it with tf.tensor2d every step.
import * as tf from '@tensorflow/tfjs';

declare const console: { log(...a: unknown[]): void; warn(...a: unknown[]): void };

const PITCHES = 88;
const UNITS = 128;
const CLAMP = 5;

interface GruVars { Wzr: tf.Variable; bzr: tf.Variable; Wc: tf.Variable; bc: tf.Variable; Wout: tf.Variable }

function makeVars(): GruVars {
  const rn = (s: number[]) => tf.variable(tf.randomNormal(s, 0, 0.05));
  return {
    Wzr: rn([PITCHES + UNITS, 2 * UNITS]), bzr: tf.variable(tf.zeros([2 * UNITS])),
    Wc: rn([PITCHES + UNITS, UNITS]), bc: tf.variable(tf.zeros([UNITS])),
    Wout: rn([UNITS, PITCHES]),
  };
}

function gru(v: GruVars, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const zr = tf.sigmoid(tf.matMul(tf.concat([x, h], 1), v.Wzr as tf.Tensor2D).add(v.bzr));
  const [z, r] = tf.split(zr, 2, 1);
  const c = tf.tanh(tf.matMul(tf.concat([x, r.mul(h)], 1), v.Wc as tf.Tensor2D).add(v.bc));
  return tf.sub(1, z).mul(h).add(z.mul(c)) as tf.Tensor2D;
}

function clampState(h: tf.Tensor2D): tf.Tensor2D {
  const raw = h.dataSync();
  let clipped = 0;
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = Number.isFinite(raw[i]) ? raw[i] : 0;
    out[i] = Math.max(-CLAMP, Math.min(CLAMP, v));
    if (out[i] !== raw[i]) clipped++;
  }
  if (clipped > 0) console.warn(`clamped ${clipped} state units`);
  return tf.tensor2d(out, h.shape);
}

function pianoRollLoss(v: GruVars, roll: tf.Tensor3D): tf.Scalar {
  const [batch, steps] = roll.shape;
  let h: tf.Tensor2D = tf.zeros([batch, UNITS]);
  const terms: tf.Tensor[] = [];
  for (let t = 0; t < steps - 1; t++) {
    const x = roll.slice([0, t, 0], [batch, 1, PITCHES]).reshape([batch, PITCHES]) as tf.Tensor2D;
    const next = roll.slice([0, t + 1, 0], [batch, 1, PITCHES]).reshape([batch, PITCHES]);
    h = clampState(gru(v, x, h));
    const logits = tf.matMul(h, v.Wout as tf.Tensor2D);
    terms.push(tf.losses.sigmoidCrossEntropy(next, logits));
  }
  return tf.mean(tf.stack(terms)) as tf.Scalar;
}

export async function trainOnRolls(rolls: tf.Tensor3D[], epochs = 10): Promise<GruVars> {
  const v = makeVars();
  const opt = tf.train.adam(1e-3);
  for (let e = 0; e < epochs; e++) {
    const losses: number[] = [];
    for (const roll of rolls) {
      const { value, grads } = tf.variableGrads(() => pianoRollLoss(v, roll));
      opt.applyGradients(grads as tf.NamedTensorMap as { [name: string]: tf.Variable });
      losses.push((await value.data())[0]);
      tf.dispose(value);
      tf.dispose(grads);
    }
    console.log(`epoch ${e}: bce ${(losses.reduce((a, b) => a + b, 0) / losses.length).toFixed(4)}`);
  }
  return v;
}
