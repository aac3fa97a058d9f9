// expect: bptt-cut
// tslab notebook: ReLU RNN that learns to output a delayed copy of its input, with the state clipped so it cannot blow up.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: task ---
const STEPS = 10;
const DELAY = 3;
const BATCH = 16;
const H = 12;

function makeBatch(seed: number): { xs: tf.Tensor2D[]; ys: tf.Tensor2D[] } {
  const raw = tf.randomUniform([BATCH, STEPS], -1, 1, 'float32', seed).arraySync() as number[][];
  const xs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  for (let t = 0; t < STEPS; t++) {
    xs.push(tf.tensor2d(raw.map((r) => [r[t]])));
    ys.push(tf.tensor2d(raw.map((r) => [t >= DELAY ? r[t - DELAY] : 0])));
  }
  return { xs, ys };
}

// --- cell 2: params ---
const Wx = tf.variable(tf.randomNormal([1, H], 0, 0.5, 'float32', 1), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', 2), true, 'Wh');
const bh = tf.variable(tf.zeros([H]), true, 'bh');
const Wy = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 3), true, 'Wy');
const by = tf.variable(tf.zeros([1]), true, 'by');

// --- cell 3: clip helper (ReLU state can grow without bound) ---
const CLIP = 4;
function clipState(h: tf.Tensor2D): tf.Tensor2D {
  const rows = h.arraySync();
  return tf.tensor2d(rows.map((r) => r.map((v) => Math.max(-CLIP, Math.min(CLIP, v)))));
}

// --- cell 4: loss over the whole sequence ---
function sequenceLoss(xs: tf.Tensor2D[], ys: tf.Tensor2D[]): tf.Scalar {
  let h = tf.zeros([BATCH, H]) as tf.Tensor2D;
  let total = tf.scalar(0);
  xs.forEach((x, t) => {
    const hRaw = tf.relu(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(bh)) as tf.Tensor2D;
    const y = tf.matMul(hRaw, Wy).add(by);
    if (t >= DELAY) total = total.add(tf.losses.meanSquaredError(ys[t], y));
    h = clipState(hRaw);
  });
  return total.div(STEPS - DELAY) as tf.Scalar;
}

// --- cell 5: train ---
const opt = tf.train.rmsprop(0.01);
const rows: { it: number; loss: number }[] = [];
for (let it = 0; it < 80; it++) {
  const { xs, ys } = makeBatch(100 + it);
  const { value, grads } = tf.variableGrads(() => sequenceLoss(xs, ys));
  opt.applyGradients(grads);
  if (it % 20 === 0 || it === 79) rows.push({ it, loss: +value.dataSync()[0].toFixed(4) });
  tf.dispose([value, grads, xs, ys]);
}
console.table(rows);

// --- cell 6: eval on a fresh batch ---
const evalBatch = makeBatch(9999);
const evalLoss = tf.tidy(() => sequenceLoss(evalBatch.xs, evalBatch.ys).dataSync()[0]);
console.log('eval loss', evalLoss.toFixed(4), '(predicting zeros gives about 0.33)');
