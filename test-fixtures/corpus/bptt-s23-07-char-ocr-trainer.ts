// expect: bptt-cut
// Line-OCR trainer: scans a text-line image column by column with an RNN and learns framewise character labels.
import * as tf from '@tensorflow/tfjs';

export const CHARSET = ' 0123456789abcdefghijklmnopqrstuvwxyz';

export interface OcrParams {
  wx: tf.Variable;
  wh: tf.Variable;
  b: tf.Variable;
  wy: tf.Variable;
  by: tf.Variable;
}

export function initParams(imgHeight: number, units: number): OcrParams {
  return {
    wx: tf.variable(tf.randomNormal([imgHeight, units], 0, 0.2), true, 'ocr_wx'),
    wh: tf.variable(tf.randomNormal([units, units], 0, 0.2), true, 'ocr_wh'),
    b: tf.variable(tf.zeros([units]), true, 'ocr_b'),
    wy: tf.variable(tf.randomNormal([units, CHARSET.length], 0, 0.2), true, 'ocr_wy'),
    by: tf.variable(tf.zeros([CHARSET.length]), true, 'ocr_by'),
  };
}

/** Column activations of the last batch, kept for the debug heatmap in the labelling tool. */
export const lastActivations: number[][][] = [];

// images: [batch, width, height] (columns are time steps), labels: [batch, width] char ids
export function framewiseLoss(p: OcrParams, images: tf.Tensor3D, labels: tf.Tensor2D): tf.Scalar {
  const [batch, width, height] = images.shape;
  const units = p.wh.shape[0];
  lastActivations.length = 0;
  let h: tf.Tensor2D = tf.zeros([batch, units]);
  const losses: tf.Tensor[] = [];
  for (let t = 0; t < width; t++) {
    const col = images.slice([0, t, 0], [batch, 1, height]).reshape([batch, height]) as tf.Tensor2D;
    const hNext = tf.tanh(tf.matMul(col, p.wx).add(tf.matMul(h, p.wh)).add(p.b)) as tf.Tensor2D;
    const snap = hNext.arraySync();
    lastActivations.push(snap);
    h = tf.tensor2d(snap);
    const logits = tf.matMul(hNext, p.wy).add(p.by);
    const target = tf.oneHot(labels.slice([0, t], [batch, 1]).reshape([batch]) as tf.Tensor1D, CHARSET.length);
    losses.push(tf.losses.softmaxCrossEntropy(target, logits));
  }
  return tf.addN(losses).div(width) as tf.Scalar;
}

export function trainOcr(p: OcrParams, images: tf.Tensor3D, labels: tf.Tensor2D, steps: number, lr = 0.05): number[] {
  const opt = tf.train.adam(lr);
  const curve: number[] = [];
  for (let s = 0; s < steps; s++) {
    const cost = opt.minimize(() => framewiseLoss(p, images, labels), true);
    curve.push(cost!.dataSync()[0]);
    cost!.dispose();
  }
  return curve;
}

/** Synthetic lines: each char id lights a fixed row band in its column, shifted by one column. */
export function makeBatch(batch: number, width: number, height: number): { images: tf.Tensor3D; labels: tf.Tensor2D } {
  const imgs: number[][][] = [];
  const labs: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const ids = Array.from({ length: width }, (_, t) => 1 + ((b * 7 + t * 3) % (CHARSET.length - 1)));
    const cols = ids.map((id, t) => {
      const src = t === 0 ? 0 : ids[t - 1];
      return Array.from({ length: height }, (_, r) => (r === src % height ? 1 : 0));
    });
    imgs.push(cols);
    labs.push(ids);
  }
  return { images: tf.tensor3d(imgs), labels: tf.tensor2d(labs, undefined, 'int32') };
}

if (require.main === module) {
  const { images, labels } = makeBatch(8, 12, 16);
  const p = initParams(16, 32);
  const curve = trainOcr(p, images, labels, 20);
  console.log('loss', curve[0].toFixed(3), '->', curve[curve.length - 1].toFixed(3));
}
