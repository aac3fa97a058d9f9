// expect: none
// tslab notebook: next-value RNN trained on long sensor recordings with truncated BPTT, K steps per update.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: a long series (one episode per "recording") ---
const K = 8;
const H = 10;
function recording(len: number, freq: number): number[] {
  return Array.from({ length: len }, (_, i) => Math.sin(i * freq) + 0.3 * Math.sin(i * freq * 3));
}
const recordings = [recording(64, 0.21), recording(48, 0.33), recording(80, 0.17)];

// --- cell 2: params ---
const Wx = tf.variable(tf.randomNormal([1, H], 0, 0.4, 'float32', 31));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.2, 'float32', 32));
const bh = tf.variable(tf.zeros([H]));
const Wy = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 33));
const by = tf.variable(tf.zeros([1]));

const cell = (x: tf.Tensor, h: tf.Tensor): tf.Tensor => tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(bh));

// --- cell 3: truncated BPTT ---
// Gradients flow through all K steps inside a chunk. Between chunks the final state is
// carried over as plain numbers (detached on purpose), so each update only backprops K steps.
// The carry is reset to zeros at the start of every recording.
const opt = tf.train.adam(0.01);

function trainRecording(series: number[]): number {
  let carry: tf.Tensor = tf.zeros([1, H]);
  let lossSum = 0;
  let chunks = 0;
  for (let start = 0; start + K < series.length; start += K) {
    let finalH: tf.Tensor | null = null;
    const loss = opt.minimize(() => {
      let h = carry;
      let total = tf.scalar(0);
      for (let t = start; t < start + K; t++) {
        h = cell(tf.tensor2d([[series[t]]]), h);
        const y = tf.matMul(h, Wy).add(by);
        total = total.add(tf.losses.meanSquaredError(tf.tensor2d([[series[t + 1]]]), y));
      }
      finalH = tf.keep(h);
      return total.div(K) as tf.Scalar;
    }, true);
    lossSum += loss!.dataSync()[0];
    loss!.dispose();
    chunks += 1;
    // detach between chunks: next chunk starts from the values only
    const kept = finalH as unknown as tf.Tensor;
    carry.dispose();
    carry = tf.tensor(kept.dataSync(), kept.shape);
    kept.dispose();
  }
  carry.dispose();
  return lossSum / chunks;
}

// --- cell 4: epochs ---
const table: { epoch: number; rec0: number; rec1: number; rec2: number }[] = [];
for (let epoch = 0; epoch < 12; epoch++) {
  const [rec0, rec1, rec2] = recordings.map(trainRecording).map((v) => +v.toFixed(4));
  if (epoch % 3 === 0 || epoch === 11) table.push({ epoch, rec0, rec1, rec2 });
}
console.table(table);
console.log('tensors alive:', tf.memory().numTensors);
