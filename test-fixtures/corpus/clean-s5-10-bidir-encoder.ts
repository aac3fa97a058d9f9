// expect: none
// Bidirectional LSTM encoder with two independent state pairs; [h, c] is re-bound by destructuring each step, c is carried but only h is emitted.
import * as tf from '@tensorflow/tfjs';

interface Direction {
  w: tf.Tensor2D; // [in + units, 4 * units]
  b: tf.Tensor1D;
}

export interface BiLstm {
  fwd: Direction;
  bwd: Direction;
  units: number;
}

export function createBiLstm(inDim: number, units: number): BiLstm {
  const mk = (): Direction => ({
    w: tf.variable(tf.randomNormal([inDim + units, 4 * units], 0, 0.08)),
    b: tf.variable(tf.zeros([4 * units])),
  });
  return { fwd: mk(), bwd: mk(), units };
}

function cell(d: Direction, x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const gates = tf.add(tf.matMul(tf.concat([x, h], 1), d.w), d.b);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew)) as tf.Tensor2D;
  return [hNew, cNew];
}

function run(d: Direction, frames: tf.Tensor2D[], units: number, reverse: boolean): tf.Tensor2D[] {
  const batch = frames[0].shape[0];
  let h: tf.Tensor2D = tf.zeros([batch, units]);
  let c: tf.Tensor2D = tf.zeros([batch, units]);
  const out: tf.Tensor2D[] = new Array(frames.length);
  const order = frames.map((_, t) => (reverse ? frames.length - 1 - t : t));
  for (const t of order) {
    [h, c] = cell(d, frames[t], h, c);
    out[t] = h; // store at the original position so both directions line up
  }
  return out;
}

/** [batch, time, in] -> [batch, time, 2 * units] */
export function encode(model: BiLstm, seq: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const frames = tf.unstack(seq, 1) as tf.Tensor2D[];
    const forward = run(model.fwd, frames, model.units, false);
    const backward = run(model.bwd, frames, model.units, true);
    const merged = frames.map((_, t) => tf.concat([forward[t], backward[t]], 1));
    return tf.stack(merged, 1) as tf.Tensor3D;
  });
}

export function trainTagger(
  model: BiLstm,
  numTags: number,
  seq: tf.Tensor3D,
  tags: tf.Tensor2D,
  log: (msg: string) => void = () => {},
) {
  const proj: tf.Variable<tf.Rank.R2> = tf.variable(tf.randomNormal([2 * model.units, numTags], 0, 0.1));
  const opt = tf.train.adam(0.01);
  const [batch, time] = seq.shape;
  const target = tf.oneHot(tags.reshape([batch * time]).toInt(), numTags);
  for (let it = 0; it < 30; it++) {
    const loss = opt.minimize(() => {
      const feats = encode(model, seq).reshape([batch * time, 2 * model.units]);
      const logits = tf.matMul(feats as tf.Tensor2D, proj);
      return tf.losses.softmaxCrossEntropy(target, logits) as tf.Scalar;
    }, true);
    if (it % 10 === 0) log(`iter ${it}: ${loss?.dataSync()[0]}`);
    loss?.dispose();
  }
  return proj;
}
