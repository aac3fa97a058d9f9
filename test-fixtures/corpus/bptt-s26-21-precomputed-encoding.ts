// expect: bptt-cut
// tslab notebook: RNN that reads eight sensor readings and predicts a weighted summary of them from its final state.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: data ---
const N = 96;
const T = 8;
const H = 12;
const raw = tf.randomUniform([N, T], 0, 1, 'float32', 3);
const steps = tf.unstack(raw.expandDims(2), 1) as tf.Tensor2D[];
// later readings count more
const weights = tf.linspace(0.2, 1.8, T).reshape([T, 1]);
const target = tf.matMul(raw, weights).div(T);

// --- cell 2: parameters ---
const Wx = tf.variable(tf.randomNormal([1, H], 0, 0.5, 'float32', 4));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', 5));
const b = tf.variable(tf.zeros([H]));
const Wy = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 6));
const by = tf.variable(tf.zeros([1]));

// --- cell 3: encoder ---
function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h = tf.zeros([xs[0].shape[0], H]) as tf.Tensor2D;
    for (const x of xs) h = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b)) as tf.Tensor2D;
    return h;
  });
}
let hFinal = encode(steps);
console.log('encoded', hFinal.shape);

// --- cell 4: readout + loss ---
const readout = (h: tf.Tensor2D) => tf.matMul(h, Wy).add(by);
const lossFn = () => tf.losses.meanSquaredError(target, readout(hFinal)) as tf.Scalar;
console.log('initial loss', lossFn().dataSync()[0].toFixed(4));

// --- cell 5: train ---
const opt = tf.train.adam(0.02);
const curve: { epoch: number; loss: number }[] = [];
for (let epoch = 0; epoch < 150; epoch++) {
  hFinal.dispose();
  hFinal = encode(steps);
  const loss = opt.minimize(lossFn, true);
  if (epoch % 30 === 0 || epoch === 149) curve.push({ epoch, loss: +loss!.dataSync()[0].toFixed(5) });
  loss!.dispose();
}
console.table(curve);

// --- cell 6: a couple of predictions ---
const preds = tf.tidy(() => readout(encode(steps)).slice([0, 0], [5, 1]).dataSync());
const truth = target.slice([0, 0], [5, 1]).dataSync();
console.table(Array.from(preds).map((p, i) => ({ pred: +p.toFixed(3), truth: +truth[i].toFixed(3) })));
