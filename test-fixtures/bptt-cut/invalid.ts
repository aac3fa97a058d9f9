// Backpropagation through time cut short.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const optimizer = tf.train.sgd(0.05);

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The unroll runs before the tape starts: only the output layer learns.
export function trainOnSequence(xs: tf.Tensor2D[], target: tf.Tensor2D): void {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) {
    h = step(x, h);
  }
  optimizer.minimize(() => tf.losses.meanSquaredError(target, tf.matMul(h, Wo)) as tf.Scalar);
//                                                                      ~ bptt-cut
}

// All steps but the last run outside tf.variableGrads: only the last step learns.
const lstm = tf.layers.lstmCell({ units: H });
lstm.build([null, 4]);

export function lossAndGrads(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  for (let t = 0; t < xs.length - 1; t++) {
    [, h, c] = lstm.call([xs[t]!, h, c], {}) as tf.Tensor[];
  }
  return tf.variableGrads(() => {
    const [out] = lstm.call([xs[xs.length - 1]!, h, c], {}) as tf.Tensor[];
//                                               ~ bptt-cut
//                                                  ~ bptt-cut
    return tf.losses.meanSquaredError(y, tf.matMul(out as tf.Tensor2D, Wo)) as tf.Scalar;
  });
}

// The state is copied through a JS array at every step inside minimize: the tape is cut each time.
export function trainReadBack(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): void {
  optimizer.minimize(() => {
    let h: tf.Tensor = tf.zeros([1, H]);
    let loss: tf.Tensor = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      const next = step(xs[t]!, h as tf.Tensor2D);
      loss = loss.add(tf.losses.meanSquaredError(ys[t]!, tf.matMul(next, Wo)));
      h = tf.tensor(next.arraySync());
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    }
    return loss as tf.Scalar;
  });
}

// The same with dataSync() and the tensor's own shape.
export function trainDataSync(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): void {
  optimizer.minimize(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    let loss: tf.Tensor = tf.scalar(0);
    xs.forEach((x, t) => {
      h = step(x, h);
      loss = loss.add(tf.losses.meanSquaredError(ys[t]!, tf.matMul(h, Wo)));
      h = tf.tensor(h.dataSync(), h.shape) as tf.Tensor2D;
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    });
    return loss as tf.Scalar;
  });
}

// The final state is read back outside and rebuilt inside the closure.
export function fitBatch(xs: tf.Tensor2D[], labels: tf.Tensor2D): void {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) h = step(x, h);
  const finalState = h.dataSync();
  optimizer.minimize(() => {
    const hT = tf.tensor2d(finalState, [1, H]);
//             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    return tf.losses.softmaxCrossEntropy(labels, tf.matMul(hT, Wo)) as tf.Scalar;
  });
}

// A helper unrolls the encoder before the tape starts.
function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const x of xs) h = step(x, h);
  return h;
}

export function trainHead(xs: tf.Tensor2D[], label: tf.Tensor2D): void {
  const hT = encode(xs);
  optimizer.minimize(() => tf.losses.meanSquaredError(label, tf.matMul(hT, Wo)) as tf.Scalar);
//                                                                     ~~ bptt-cut
}
