// Gradients that flow through the whole unroll.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const optimizer = tf.train.adam(0.01);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The unroll inside minimize.
export function trainOnSequence(xs: tf.Tensor2D[], target: tf.Tensor2D): number {
  const loss = optimizer.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const x of xs) h = step(x, h);
    return tf.losses.meanSquaredError(target, tf.matMul(h, Wo)) as tf.Scalar;
  }, true);
  return loss!.dataSync()[0]!;
}

// The zero state is made once outside the closure; the whole unroll is inside it.
const h0 = tf.zeros([1, H]) as tf.Tensor2D;
const gru = tf.layers.gruCell({ units: H });
gru.build([null, 4]);
const readout = tf.layers.dense({ units: 1 });

export function trainStep(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): void {
  optimizer.minimize(() => {
    let h: tf.Tensor = h0;
    let loss: tf.Tensor = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      const [out, next] = gru.call([xs[t]!, h], {}) as tf.Tensor[];
      loss = loss.add(tf.losses.meanSquaredError(ys[t]!, readout.apply(out!) as tf.Tensor));
      h = next!;
    }
    return loss.div(xs.length) as tf.Scalar;
  });
}

// Truncated BPTT over chunks: each closure unrolls its chunk from the carried (kept) state.
export function trainTbptt(series: tf.Tensor2D[], targets: tf.Tensor2D[], chunkLen: number): void {
  let carried: tf.Tensor2D = tf.zeros([1, H]);
  for (let start = 0; start < series.length; start += chunkLen) {
    const end = Math.min(start + chunkLen, series.length);
    let last: tf.Tensor2D | null = null;
    optimizer.minimize(() => {
      let h = carried;
      let loss = tf.scalar(0);
      for (let t = start; t < end; t++) {
        h = step(series[t]!, h);
        loss = loss.add(tf.losses.meanSquaredError(targets[t]!, tf.matMul(h, Wo)));
      }
      last = tf.keep(h);
      return loss.div(end - start) as tf.Scalar;
    });
    carried.dispose();
    carried = last!;
  }
}

// Values read back to JS only for logging; nothing read back becomes a tensor again.
export function fitWithNorms(xs: tf.Tensor2D[], labels: tf.Tensor2D): number[] {
  const norms: number[] = [];
  optimizer.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const x of xs) {
      h = step(x, h);
      norms.push(tf.norm(h).dataSync()[0]!);
    }
    return tf.losses.softmaxCrossEntropy(labels, tf.matMul(h, Wo)) as tf.Scalar;
  });
  return norms;
}

// A read-back copy made outside any gradient closure (a snapshot for a plot) is harmless.
export function snapshot(xs: tf.Tensor2D[]): tf.Tensor {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) h = step(x, h);
  return tf.tensor(h.arraySync());
}

// tf.variableGrads with the unroll inside, through a helper called inside the closure.
function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) h = step(x, h);
  return h;
}

export function grads(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  return tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(encode(xs), Wo)) as tf.Scalar);
}

// An inline recurrence and a reduce fold, both inside the gradient function.
export function inlineInside(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  return tf.valueAndGrads((u: tf.Tensor) => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    let t = 0;
    while (t < xs.length) {
      h = tf.tanh(tf.matMul(xs[t]!, Wx).add(tf.matMul(h, u as tf.Tensor2D))) as tf.Tensor2D;
      t++;
    }
    const folded = xs.reduce((s, x) => step(x, s), h);
    return tf.losses.meanSquaredError(y, tf.matMul(folded, Wo));
  })([Wh]);
}

// Folds before the tape that are no unroll: a sum of the frames, and the features projected by a
// weight (the accumulator is added to, never multiplied by a weight).
const sumFrames = (xs: tf.Tensor2D[]): tf.Tensor2D => xs.reduce((acc, x) => acc.add(x) as tf.Tensor2D, tf.zeros([1, 4]) as tf.Tensor2D);
const projected = (xs: tf.Tensor2D[]): tf.Tensor2D => xs.reduce((acc, x) => acc.add(x.matMul(Wx)) as tf.Tensor2D, tf.zeros([1, H]) as tf.Tensor2D);

export function pooledFeatures(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  const total = tf.tidy(() => sumFrames(xs));
  const proj = projected(xs);
  return tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(encode([total]).add(proj), Wo)) as tf.Scalar);
}

// A fold whose reducer is the cell, inside the gradient function.
const unrollAll = (xs: tf.Tensor2D[]): tf.Tensor2D =>
  xs.reduce((h, x) => tf.tanh(x.matMul(Wx).add(h.matMul(Wh))) as tf.Tensor2D, tf.zeros([1, H]) as tf.Tensor2D);

export function foldInside(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  return tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(unrollAll(xs), Wo)) as tf.Scalar);
}
