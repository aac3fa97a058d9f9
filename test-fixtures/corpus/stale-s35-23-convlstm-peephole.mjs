// expect: stale-state
// ConvLSTM with Hadamard peepholes (Shi et al., 2015) for next-frame prediction on bouncing-square clips.
import * as tf from '@tensorflow/tfjs';

const SIZE = 16;
const FILTERS = 12;
const K = 3;

const param = (shape, s = 0.05) => tf.variable(tf.randomNormal(shape, 0, s));

const cell = {
  wx: param([K, K, 1, 4 * FILTERS]),
  wh: param([K, K, FILTERS, 4 * FILTERS]),
  // peephole weights are full feature maps, applied with a Hadamard product
  wci: param([1, SIZE, SIZE, FILTERS], 0.01),
  wcf: param([1, SIZE, SIZE, FILTERS], 0.01),
  wco: param([1, SIZE, SIZE, FILTERS], 0.01),
  b: tf.variable(tf.zeros([4 * FILTERS])),

  step(x, { h, c }) {
    const gates = tf.add(tf.add(tf.conv2d(x, this.wx, 1, 'same'), tf.conv2d(h, this.wh, 1, 'same')), this.b);
    const [gi, gf, gg, go] = tf.split(gates, 4, 3);
    const i = tf.sigmoid(tf.add(gi, tf.mul(this.wci, c)));
    const f = tf.sigmoid(tf.add(gf, tf.mul(this.wcf, c)));
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(gg)));
    const o = tf.sigmoid(tf.add(go, tf.mul(this.wco, cNext)));
    return { h: tf.mul(o, tf.tanh(cNext)), c: cNext };
  },
};

const readout = { w: param([1, 1, FILTERS, 1]), b: tf.variable(tf.zeros([1])) };

// clip: [T, SIZE, SIZE, 1]; returns logits for frames 1..T-1 predicted from frames 0..T-2
function nextFrameLogits(clip) {
  const frames = tf.unstack(clip).slice(0, -1).map((f) => tf.expandDims(f, 0));
  const init = { h: tf.zeros([1, SIZE, SIZE, FILTERS]), c: tf.zeros([1, SIZE, SIZE, FILTERS]) };
  const { logits } = frames.reduce(
    (acc, frame) => {
      const next = cell.step(frame, init);
      acc.logits.push(tf.add(tf.conv2d(next.h, readout.w, 1, 'same'), readout.b));
      acc.state = next;
      return acc;
    },
    { logits: [], state: init },
  );
  return tf.concat(logits, 0);
}

function bouncingSquare(T, side = 4) {
  const buf = tf.buffer([T, SIZE, SIZE, 1]);
  let x = Math.floor(Math.random() * (SIZE - side));
  let y = Math.floor(Math.random() * (SIZE - side));
  let vx = Math.random() < 0.5 ? -1 : 1;
  let vy = Math.random() < 0.5 ? -1 : 1;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) buf.set(1, t, y + i, x + j, 0);
    if (x + vx < 0 || x + vx > SIZE - side) vx = -vx;
    if (y + vy < 0 || y + vy > SIZE - side) vy = -vy;
    x += vx;
    y += vy;
  }
  return buf.toTensor();
}

const optimizer = tf.train.adam(2e-3);
for (let epoch = 1; epoch <= 30; epoch++) {
  let total = 0;
  const clips = Array.from({ length: 8 }, () => bouncingSquare(10));
  for (const clip of clips) {
    const targets = tf.slice(clip, [1, 0, 0, 0], [clip.shape[0] - 1, SIZE, SIZE, 1]);
    const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(targets, nextFrameLogits(clip)), true);
    total += (await loss.data())[0];
    tf.dispose([targets, loss]);
  }
  tf.dispose(clips);
  console.log(`epoch ${epoch}: BCE ${(total / 8).toFixed(4)}`);
}
