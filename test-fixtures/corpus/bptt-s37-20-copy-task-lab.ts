// expect: bptt-cut
// Lab notebook module: trains a vanilla RNN on the "remember the first bit" task and reports accuracy as the gap grows.
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;

const W = {
  xh: tf.variable(tf.randomNormal([2, UNITS], 0, 0.4)) as tf.Variable<tf.Rank.R2>,
  hh: tf.variable(tf.eye(UNITS).mul(0.9)) as tf.Variable<tf.Rank.R2>,
  bh: tf.variable(tf.zeros([UNITS])) as tf.Variable<tf.Rank.R1>,
  hy: tf.variable(tf.randomNormal([UNITS, 2], 0, 0.2)) as tf.Variable<tf.Rank.R2>,
  by: tf.variable(tf.zeros([2])) as tf.Variable<tf.Rank.R1>,
};

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(W.xh).add(h.matMul(W.hh)).add(W.bh));
}

function makeTask(batch: number, gap: number) {
  const first = Array.from({ length: batch }, () => (Math.random() < 0.5 ? 0 : 1));
  const frames: tf.Tensor2D[] = [];
  for (let t = 0; t <= gap; t++) {
    const rows = first.map((bit) => (t === 0 ? [bit, 1] : [Math.random() < 0.5 ? 0 : 1, 0]));
    frames.push(tf.tensor2d(rows));
  }
  return { frames, labels: tf.oneHot(tf.tensor1d(first, 'int32'), 2).toFloat() };
}

function encode(frames: tf.Tensor2D[]): tf.Tensor2D {
  let h = tf.zeros([frames[0].shape[0], UNITS]) as tf.Tensor2D;
  for (const x of frames) {
    h = step(x, h);
  }
  return h;
}

export function trainAtGap(gap: number, iters: number, optimizer: tf.Optimizer): number[] {
  const curve: number[] = [];
  for (let i = 0; i < iters; i++) {
    const value = tf.tidy(() => {
      const { frames, labels } = makeTask(32, gap);
      const final = encode(frames);
      const loss = optimizer.minimize(() => {
        const logits = final.matMul(W.hy).add(W.by);
        return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
      }, true)!;
      return loss.dataSync()[0];
    });
    curve.push(value);
  }
  return curve;
}

export function accuracyAtGap(gap: number, batch = 256): number {
  return tf.tidy(() => {
    const { frames, labels } = makeTask(batch, gap);
    const logits = encode(frames).matMul(W.hy).add(W.by);
    const hits = logits.argMax(1).equal(labels.argMax(1)).sum().dataSync()[0];
    return hits / batch;
  });
}

export function runLab(log: (line: string) => void = console.log): Record<number, number> {
  const optimizer = tf.train.adam(0.005);
  const results: Record<number, number> = {};
  for (const gap of [2, 5, 10, 20, 40]) {
    const curve = trainAtGap(gap, 150, optimizer);
    const acc = accuracyAtGap(gap);
    results[gap] = acc;
    log(`gap=${gap.toString().padStart(2)}  final loss=${curve[curve.length - 1].toFixed(4)}  acc=${(acc * 100).toFixed(1)}%`);
  }
  return results;
}
